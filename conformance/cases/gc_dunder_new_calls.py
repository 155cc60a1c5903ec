# A class with a Python __new__ calling object.__new__(cls): that call packs its argument in a tuple (tp_new_wrapper is METH_VARARGS), a counted allocation when the free list is empty, and reading object.__new__ allocates nothing (it lives in object's dict). With __init__ instead, 3.13 specializes the call (CALL_ALLOC_AND_ENTER_INIT).
import gc
class WithInit:
    def __init__(self):
        self.kids = []
        self.more = []
class WithNew:
    def __new__(cls):
        o = object.__new__(cls)
        o.kids = []
        o.more = []
        return o
def probe(cls):
    keep = [None] * 40
    counts = [None] * 8
    gc.collect()
    gc.set_threshold(3, 1000, 1000)
    for i in range(8):
        keep[i] = cls()
        counts[i] = gc.get_count()[0]
    gc.set_threshold(700, 10, 10)
    print(cls.__name__, counts)
probe(WithInit)
probe(WithNew)

gc.collect()
gc.disable()
a = gc.get_count()
x = WithNew()
b = gc.get_count()
y = WithNew()
c = gc.get_count()
print(a, b, c)
gc.enable()
print(object.__new__ is object.__new__, type(object.__new__).__name__)
