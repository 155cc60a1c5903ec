# fuzz seed 50014, shrunk: pymem 3.8 differs in "stdout: final / final"
import gc, sys, weakref
def hold(x):
    return [x]
gc.collect()
v0 = (x for x in range(3))
v1 = lambda: v0
v2 = hold(v1)
v2.append(v2)
v2.insert(0, v0)
v6 = (x for x in v2)
del v2
del v0
del v6
print("final", gc.collect())
