# A suspended generator keeps its frame's locals alive.
import sys
obj = []
base = sys.getrefcount(obj)
def gen(o):
    held = o
    yield 1
    yield 2
g = gen(obj)
print(sys.getrefcount(obj) - base)
next(g)
print(sys.getrefcount(obj) - base)
g.close()
print(sys.getrefcount(obj) - base)
g2 = gen(obj)
next(g2)
del g2
print(sys.getrefcount(obj) - base)
