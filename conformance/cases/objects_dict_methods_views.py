# dict methods and views: update with keywords, get/setdefault/pop/popitem, len/in and set operators on views, fromkeys, sizes.
import gc
import sys
d = dict(a=1, b=2)
print(d, sys.getsizeof(d), sys.getsizeof({}))
d.update({"c": 3}, d=4); print(d)
print(d.get("z"), d.get("a", 0), d.setdefault("e", 5), d.pop("a"), d.pop("zz", None))
print(d.popitem(), list(d.keys()), list(d.values()), list(d.items()))
k = d.keys(); v = d.values(); it = d.items()
print(type(k).__name__, len(k), "b" in k, ("b", 2) in it, sys.getrefcount(d))
print(k & {"b", "x"}, k | {"q"}, k - {"b"})
d2 = dict.fromkeys("xyz", 0); print(d2, sys.getsizeof(d2))
print({**d, **d2}, dict(zip("ab", [1, 2])))
c = d.copy(); print(c == d, c is d)
d.clear(); print(d, sys.getsizeof(d))
print({k: v for k, v in [("a", 1)]}, sorted({"b": 1, "a": 2}))
