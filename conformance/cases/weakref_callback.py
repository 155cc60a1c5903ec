# A weakref callback runs when the referent dies, receiving the dead weakref.
import weakref
class A:
    pass
def cb(ref):
    print("callback; referent gone:", ref() is None, ref is r)
a = A()
r = weakref.ref(a, cb)
print("deleting")
del a
print("after delete")
