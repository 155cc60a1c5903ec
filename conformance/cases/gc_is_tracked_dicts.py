# Dicts of atoms start untracked; storing a container value makes them tracked.
import gc
d = {}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))
e = {"x": (1, 2)}
print(gc.is_tracked(e))
f = {1: {}}
print(gc.is_tracked(f))
g = dict(a=1)
print(gc.is_tracked(g))
