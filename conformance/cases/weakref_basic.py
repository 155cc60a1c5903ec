# A weak reference does not keep its object alive; calling it returns None after death.
import sys, weakref
class A:
    pass
a = A()
before = sys.getrefcount(a)
r = weakref.ref(a)
print(sys.getrefcount(a) - before)
print(r() is a)
print(weakref.getweakrefcount(a))
del a
print(r() is None)
