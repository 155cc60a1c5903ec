# type(name, bases, dict) builds a class like a class statement: a copy of the namespace (plus __module__), the base's tp_subclasses weak reference, __set_name__ calls; __subclasses__() is a new list.
import gc
import sys


class Field:
    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__
        self.name = name
        print("set_name", owner.__name__, name)


class Base:
    pass


ns = {"x": 1, "f": Field()}
before = sys.getrefcount(ns["f"])
gc.collect()
c0 = gc.get_count()[0]
C = type("C", (Base,), ns)
print(type(C) is type, C.__name__, C.__qualname__, C.__module__)
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
print("ns unchanged", sorted(ns))
print("field refs +", sys.getrefcount(ns["f"]) - before)
print(C.f.name, C.f.owner_name, C.x)
subs = Base.__subclasses__()
print([s.__name__ for s in subs], subs[0] is C, sys.getrefcount(subs) - 1)
print(Base.__subclasses__() is subs)
D = type("D", (C,), {})
print([s.__name__ for s in C.__subclasses__()], len(Base.__subclasses__()))
del D
print(gc.collect() > 0, [s.__name__ for s in C.__subclasses__()])
del C
gc.collect()
print(Base.__subclasses__(), sys.getrefcount(ns["f"]) - before)
