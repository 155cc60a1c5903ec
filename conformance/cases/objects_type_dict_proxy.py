# A class's __dict__ is a new read-only mappingproxy each time, a view of the
# type's own namespace dict.
import gc, sys
class C:
    x = 1
    def f(self):
        return 2
d = C.__dict__
print(type(d).__name__, d["x"], "x" in d, "y" in d, C.__dict__ is C.__dict__)
try:
    d["y"] = 2
except TypeError as e:
    print(e)
print(sorted(k for k in d if not k.startswith("__")), sorted(d.keys())[-2:], d.get("x"), d.get("zz", 0))
print(gc.is_tracked(d), sys.getsizeof(d), len(d) == len(d.copy()), type(d.copy()).__name__)
C.y = 5
print("y" in d, d["y"])
print(repr(type(C.__dict__.items())))
