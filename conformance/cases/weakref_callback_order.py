# Several weakrefs with callbacks: callbacks run newest first.
import weakref
class A:
    pass
a = A()
refs = [weakref.ref(a, lambda r, i=i: print("callback", i)) for i in range(4)]
print(weakref.getweakrefcount(a))
del a
print("done")
