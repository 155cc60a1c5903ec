# Full collections of heaps of 10^4, 10^5 and 10^6 tracked objects (lists, each
# holding the previous one). Everything survives, so each gc.collect() walks
# every tracked object through update_refs/subtract_refs/move_unreachable.
# The runner times each marked region; per-object cost = time / (reps * tracked).
import gc

SCALE = 1
SIZES = [10_000, 100_000, 1_000_000] if SCALE >= 1 else [10_000, 100_000]
REPS = 5

gc.disable()
for n in SIZES:
    objs = [[] for _ in range(n)]
    for i in range(1, n):
        objs[i].append(objs[i - 1])
    gc.collect()
    tracked = len(gc.get_objects())
    print("@bench tracked", f"collect_{n}", tracked, flush=True)
    print("@bench begin", f"collect_{n}", flush=True)
    for r in range(REPS):
        gc.collect()
    print("@bench end", f"collect_{n}", flush=True)
    print(n, "collected", gc.collect())
    objs = None
print("done")
