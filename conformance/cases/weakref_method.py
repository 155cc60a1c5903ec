# A weakref to a bound method dies at once; WeakMethod keeps working while the object lives.
import weakref
class A:
    def m(self):
        return "called"
a = A()
r = weakref.ref(a.m)
print(r() is None)
wm = weakref.WeakMethod(a.m)
print(wm()())
del a
print(wm() is None)
