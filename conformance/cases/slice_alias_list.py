# Aliasing a list: two names, one object; a change through one is seen through the other.
import sys
a = [1, 2]
b = a
print(a is b, id(a) == id(b))
b.append(3)
print(a)
print(sys.getrefcount(a) - 1)
b = [1, 2, 3]
print(a is b, a == b)
print(sys.getrefcount(a) - 1)
