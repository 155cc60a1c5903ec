# getattr(o, name, default) and hasattr() of a missing attribute: 3.7+ look it up with _PyObject_LookupAttr(), which makes no AttributeError; 3.6 sets one with PyErr_Format() and clears it before it is ever made (only the METH_VARARGS argument tuple counts). 3.10/3.11 make and clear one for a module: module_getattro() reads __spec__._initializing with PyObject_GetAttr(), which normalizes the error to record its name.
import gc, sys

class Node:
    pass

class Plain:
    __slots__ = ()

n = Node()
calls = [
    ("getattr(instance)", lambda: getattr(n, "missing", None)),
    ("getattr(class)", lambda: getattr(Node, "missing", None)),
    ("getattr(module)", lambda: getattr(sys, "missing", None)),
    ("getattr(int)", lambda: getattr(5, "missing", None)),
    ("getattr(slots)", lambda: getattr(Plain(), "missing", None)),
    ("hasattr(instance)", lambda: hasattr(n, "missing")),
    ("hasattr(class)", lambda: hasattr(Node, "missing")),
    ("hasattr(module)", lambda: hasattr(sys, "missing")),
    ("hasattr found", lambda: hasattr(n, "__class__")),
]
for name, call in calls:
    gc.collect()
    before = gc.get_count()
    call()
    after = gc.get_count()
    print(name, after[0] - before[0])
gc.collect()
try:
    sys.missing
except AttributeError:
    pass
print("module attribute error", gc.get_count()[0])
print(getattr(n, "missing", "dflt"), hasattr(n, "missing"), hasattr(sys, "getrefcount"))
