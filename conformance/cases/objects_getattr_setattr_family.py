# getattr/setattr/hasattr/delattr and vars(): the instance dict, errors, and the references setattr/delattr take and drop.
import gc
import sys
class P:
    cls_attr = 1
    def __init__(self):
        self.a = 1
p = P()
setattr(p, "b", 2); print(getattr(p, "b"), hasattr(p, "c"), getattr(p, "c", None), vars(p))
delattr(p, "a"); print(vars(p), "a" in p.__dict__, getattr(p, "cls_attr"))
try:
    delattr(p, "zz")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(p, "zz")
except AttributeError as e:
    print("AttributeError", e)
v = 12345
before = sys.getrefcount(v)
setattr(p, "v", v); print(sys.getrefcount(v) - before)
delattr(p, "v"); print(sys.getrefcount(v) - before)
print(sorted(vars(P).keys() - {"__module__", "__dict__", "__weakref__", "__doc__", "__firstlineno__", "__static_attributes__", "__qualname__"}))
gc.collect(); print(gc.get_count()[0])
x = getattr(P, "cls_attr"); print(x, P.__name__, P.__qualname__, type(P).__name__)
