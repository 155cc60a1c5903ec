# sys.intern makes equal strings the same object.
import sys
a = "".join(["not", " an ", "identifier"])
b = "".join(["not", " an ", "identifier"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib)
print(ia is a)
c = "".join(["some", "name"])
lit = "somename"
print(sys.intern(c) is lit)
