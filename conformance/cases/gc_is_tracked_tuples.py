# Tuples of atoms are untracked by the collector after it sees them once.
import gc
t = tuple([1, "a", None])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
u = tuple([1, []])
gc.collect()
print(gc.is_tracked(u))
e = ()
print(gc.is_tracked(e))
nested = (t, (2, 3))
gc.collect()
print(gc.is_tracked(nested))
