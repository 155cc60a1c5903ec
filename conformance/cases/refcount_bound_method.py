# A bound method holds a reference to its instance.
import sys
class A:
    def m(self):
        return 1
a = A()
base = sys.getrefcount(a)
m = a.m
print(sys.getrefcount(a) - base)
print(m.__self__ is a)
m2 = a.m
print(sys.getrefcount(a) - base)
print(m == m2, m is m2)
del m, m2
print(sys.getrefcount(a) - base)
