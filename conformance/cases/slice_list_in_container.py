# Storing a list in other containers adds one reference per slot.
import sys
a = []
before = sys.getrefcount(a)
outer = [a, a, a]
print(sys.getrefcount(a) - before)
t = (a,)
print(sys.getrefcount(a) - before)
d = {"k": a}
print(sys.getrefcount(a) - before)
del outer
print(sys.getrefcount(a) - before)
del t, d
print(sys.getrefcount(a) - before)
