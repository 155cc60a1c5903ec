# A materialized instance __dict__: in 3.13 it keeps using the instance's inline values,
# so the collector reaches them through the instance only, and the dict survives it.
import gc
class N:
    def __del__(self):
        print("del", type(self).__name__, len(self.__dict__))
class A(N):
    pass
class B(N):
    pass
gc.collect()
a = A(); b = B(); a.p = b; b.p = a
d = a.__dict__
del a, b
print("collected", gc.collect())
print(len(d), type(d.get("p")).__name__)
p = d["p"]
print(len(p.__dict__))
del p, d
print("collected", gc.collect())
# a cycle through two materialized dicts
x = A(); y = B(); x.q = y; y.q = x
print(len(x.__dict__), len(vars(y)))
del x, y
print("collected", gc.collect())
# a dict that got a table of its own (many attributes) after it was made
m = A(); m.self = m
dd = m.__dict__
for i in range(40):
    setattr(m, "a%d" % i, i)
del dd
del m
print("collected", gc.collect())
print(gc.get_referents(B()) == [B])
