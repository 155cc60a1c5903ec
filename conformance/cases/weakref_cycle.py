# A weakref to an object in a cycle is cleared when the collector frees the cycle.
import gc, weakref
class Node:
    pass
def cb(r):
    print("callback", r() is None)
gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
r = weakref.ref(a, cb)
del a, b
print("alive before collect:", r() is not None)
gc.collect()
print("alive after collect:", r() is not None)
