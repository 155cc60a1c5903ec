# A generator whose frame refers back to the generator forms a cycle.
import gc
class Box:
    pass
def gen(box):
    yield box
gc.collect()
b = Box()
g = gen(b)
b.g = g
next(g)
del b, g
print(gc.collect() > 0)
print(gc.collect())
