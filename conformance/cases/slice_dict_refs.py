# A dict holds references to its keys and values.
import sys
v = [1]
k = "key"
before = sys.getrefcount(v)
d = {k: v}
print(sys.getrefcount(v) - before)
d["other"] = v
print(sys.getrefcount(v) - before)
del d["key"]
print(sys.getrefcount(v) - before)
d.clear()
print(sys.getrefcount(v) - before)
