# Calling a class (3.13 CALL_ALLOC_AND_ENTER_INIT): once the call site is specialized, a class of plain instances whose __init__ is a simple Python function taking exactly the arguments given gets no argument tuple, and the return from __init__ checks no eval breaker, so a collection scheduled inside __init__ runs later. Defaults, *args, __slots__ and built-in bases keep the generic call.
import gc
class Plain:
    def __init__(self, a):
        self.kids = [a]
        self.more = []
class WithDefault:
    def __init__(self, a, b=1):
        self.kids = [a]
        self.more = []
class Star:
    def __init__(self, *args):
        self.kids = list(args)
        self.more = []
class Slotted:
    __slots__ = ("kids", "more")
    def __init__(self, a):
        self.kids = [a]
        self.more = []
class Derived(Plain):
    pass
class ListChild(list):
    def __init__(self, a):
        self.kids = [a]
        self.more = []
def probe(cls):
    keep = [None] * 40
    counts = [None] * 8
    gc.collect()
    gc.set_threshold(4, 1000, 1000)
    for i in range(8):
        keep[i] = cls(i)
        counts[i] = gc.get_count()[0]
    gc.set_threshold(700, 10, 10)
    print(cls.__name__, counts)
def fresh(cls):
    counts = []
    for i in range(4):
        gc.collect()
        x = cls(i)
        counts.append(gc.get_count()[0])
    print(cls.__name__, "after a full collection", counts)
for cls in [Plain, WithDefault, Star, Slotted, Derived, ListChild]:
    probe(cls)
    fresh(cls)
