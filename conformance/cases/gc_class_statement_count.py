# What a class statement allocates: __build_class__, type_new, PyType_Ready, add_subclass, set_names, init_subclass.
import gc, sys, weakref
class B:
    pass
counts = []
def measure(label):
    counts.append((label, gc.get_count()[0]))
gc.collect()
class C0:
    pass
measure("no base")
gc.collect()
class C1(B):
    pass
measure("first subclass of B")
gc.collect()
class C2(B):
    pass
measure("second subclass of B")
gc.collect()
class C3:
    __slots__ = ("b", "a", "__weakref__")
measure("slots tuple")
gc.collect()
class C4:
    __slots__ = "x"
    def f(self):
        return 1
measure("slots str")
gc.collect()
class C5(C1, C3):
    class Inner:
        pass
measure("two bases, nested")
gc.collect()
class C6(Exception):
    pass
measure("exception base")
gc.collect()
class C7(int):
    pass
measure("int base")
print(counts)
print(sys.getrefcount(C0), sys.getrefcount(C3), sys.getrefcount(C4))
print(weakref.getweakrefcount(C0), weakref.getweakrefcount(C2), weakref.ref(C2) is weakref.ref(C2))
print(type(C0.__dict__["__dict__"]).__name__, C0().__weakref__, "__weakref__" in C7.__dict__)
del C2
gc.collect()
print(gc.get_count())
