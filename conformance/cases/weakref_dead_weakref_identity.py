# A dead weakref stays usable as a key: its hash is remembered once computed.
import weakref
class A:
    pass
a = A()
r = weakref.ref(a)
h = hash(r) == hash(a)
print(h)
d = {r: "value"}
del a
print(r() is None)
print(d[r])
b = A()
r2 = weakref.ref(b)
del b
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)
