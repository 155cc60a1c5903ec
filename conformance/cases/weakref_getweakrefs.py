# weakref.getweakrefs lists the weak references to an object.
import weakref
class A:
    pass
a = A()
print(weakref.getweakrefcount(a), weakref.getweakrefs(a))
r = weakref.ref(a)
p = weakref.proxy(a)
print(weakref.getweakrefcount(a))
print([type(x).__name__ for x in weakref.getweakrefs(a)])
del r
print(weakref.getweakrefcount(a))
