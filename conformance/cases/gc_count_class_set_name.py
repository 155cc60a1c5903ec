# gc.get_count() of class statements whose namespace holds descriptors with __set_name__: set_names() binds each (a bound method) and calls it; up to 3.7 the call packs an argument tuple.
import gc


class Quiet:
    def __set_name__(self, owner, name):
        pass


class Plain:
    pass


q1 = Quiet()
q2 = Quiet()
p1 = Plain()
p2 = Plain()
gc.collect()
class A:
    a = p1
    b = p2
plain = gc.get_count()[0]
gc.collect()
class B:
    a = q1
    b = q2
named = gc.get_count()[0]
print("plain", plain, "named", named)
gc.collect()
C = type("C", (), {"a": q1})
print("type() three args", gc.get_count()[0])
gc.collect()
D = type("D", (A,), {})
print("type() subclass", gc.get_count()[0])
gc.collect()
t = type(q1)
print("type() one arg", gc.get_count()[0])
