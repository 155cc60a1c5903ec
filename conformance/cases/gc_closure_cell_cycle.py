# A closure that refers to itself through its cell is a cycle: function -> closure tuple -> cell -> function.
import gc, sys, weakref
def make():
    def rec(n):
        return rec(n - 1) if n else 0
    return rec
gc.collect()
f = make()
print("cell holds f", f.__closure__[0].cell_contents is f)
print("rc", sys.getrefcount(f))
w = weakref.ref(f)
del f
print("alive", w() is not None)
print("collect", gc.collect())
print("alive", w() is not None)
