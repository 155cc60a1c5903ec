# A fresh string computed at run time, bound to one name, reads 2.
import sys
s = "abc" * int("100")
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
del t
print(sys.getrefcount(s))
print(len(s))
