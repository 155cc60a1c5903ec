# A tuple display referencing a list: one reference per slot, dropped when the tuple goes.
import sys
a = [1]
before = sys.getrefcount(a)
t = (a, a)
print(sys.getrefcount(a) - before)
u = t
print(sys.getrefcount(a) - before)
del t
print(sys.getrefcount(a) - before)
del u
print(sys.getrefcount(a) - before)
