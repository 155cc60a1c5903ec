# del of several names and of container items.
import sys
a = [1]
b = [a]
c = {"a": a}
print(sys.getrefcount(a))
del b[0], c["a"]
print(sys.getrefcount(a))
print(b, c)
del b, c
print("b" in dir(), "c" in dir())
