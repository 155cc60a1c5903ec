# Small ints -5..256 are cached: the same object whether a literal or computed at run time.
import sys
a = 256
b = int("256")
print(a is b)
c = -5
d = int("-5")
print(c is d)
e = 257
f = int("257")
print(e is f)
print(e == f)
g = -6
h = int("-6")
print(g is h)
