# A full collection untracks dicts whose contents became untrackable (before 3.13 changes).
import gc
t = tuple([1, 2])
d = {"t": t}
print(gc.is_tracked(t), gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(d))
