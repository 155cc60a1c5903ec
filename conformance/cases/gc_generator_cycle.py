# A suspended generator in a cycle: its finalizer (close) breaks the cycle, so 3.8+ counts 0.
import gc, weakref
class Box:
    pass
def gen(box):
    yield box
gc.collect()
b = Box()
g = gen(b)
b.g = g
next(g)
r = weakref.ref(b)
del b, g
print("freed by refcounting:", r() is None)
print("gc.collect() ->", gc.collect())
print("freed after collect:", r() is None)
print(gc.collect())
