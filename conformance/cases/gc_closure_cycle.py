# A nested function referring to itself through its cell forms a cycle.
import gc
def make():
    def rec(n):
        return n if n == 0 else rec(n - 1)
    return rec
gc.collect()
r = make()
print(r(3))
del r
print(gc.collect())
