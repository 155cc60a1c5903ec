# The same object stored under two keys of a dict is one object.
import sys
v = [5]
d = {"a": v, "b": v}
print(d["a"] is d["b"])
print(sys.getrefcount(v))
d["a"] = [5]
print(d["a"] is d["b"], d["a"] == d["b"])
print(sys.getrefcount(v))
