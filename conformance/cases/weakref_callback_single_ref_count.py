# PyObject_ClearWeakRefs(): up to 3.12 a single weakref with a callback is called directly, several are held in a tuple of (ref, callback) pairs while the callbacks run; 3.13 always makes the tuple, so the callback sees one more reference to its weakref.
import sys, weakref, gc
class A: pass
def cb(r):
    print("in callback", sys.getrefcount(r))
a = A()
r = weakref.ref(a, cb)
print("before", sys.getrefcount(r))
del a
b = A()
r1 = weakref.ref(b, cb)
r2 = weakref.ref(b, cb)
del b
