# Cycle churn: every iteration makes a small reference cycle and drops it, so
# only the cyclic collector can free it; with the default thresholds the
# automatic collections run often (generation 0 every ~700 allocations).
import gc

SCALE = 1
N = int(100_000 * SCALE)


class Pair:
    def __init__(self):
        self.other = None


before = gc.get_stats()
for i in range(N):
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
    l = [a, b]
    l.append(l)
a = b = l = None
gc.collect()
after = gc.get_stats()
runs = sum(s["collections"] for s in after) - sum(s["collections"] for s in before)
print("automatic collections > 100:", runs > 100)
print("done")
