# dict get/pop/setdefault/update and refcounts of values.
import sys
v = []
base = sys.getrefcount(v)
d = {}
d.setdefault("a", v)
d.update(b=v, c=v)
print(sys.getrefcount(v) - base)
got = d.get("a")
print(sys.getrefcount(v) - base)
del got
d.pop("b")
print(sys.getrefcount(v) - base)
d2 = dict(d)
print(sys.getrefcount(v) - base)
d2.clear()
d.clear()
print(sys.getrefcount(v) - base)
