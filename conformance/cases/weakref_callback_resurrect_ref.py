# A weakref callback cannot get the object back: the reference is already dead.
import weakref
seen = []
class A:
    pass
def cb(r):
    seen.append(r())
a = A()
r = weakref.ref(a, cb)
del a
print(seen)
print(r() is None)
