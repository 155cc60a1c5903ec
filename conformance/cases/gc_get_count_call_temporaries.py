# gc.get_count() after calls that make counted temporaries: weakref.ref's argument tuple, dict.update's tuple and kwargs dict, list()/dict() bypassing the free list
import gc, weakref
class Node:
    pass
def cb(r):
    pass
v0 = Node()
v1 = Node()
d = {}
def m(f):
    a = gc.get_count()
    f()
    b = gc.get_count()
    return b[0] - a[0]
gc.collect()
r = []
r.append(m(lambda: weakref.ref(v0)))
r.append(m(lambda: weakref.ref(v1, cb)))
r.append(m(lambda: d.update(z=1)))
r.append(m(lambda: d.update(z=1)))
r.append(m(lambda: dict(x=1)))
for i in range(3):
    r.append(m(lambda: [1]))
    r.append(m(lambda: list((1,))))
    r.append(m(lambda: {1: 2}))
    r.append(m(lambda: dict(x=1)))
    r.append(m(lambda: dict()))
print(r)
