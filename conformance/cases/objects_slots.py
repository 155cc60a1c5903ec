# __slots__ instances have no __dict__; attributes live in fixed slots.
import sys
class S:
    __slots__ = ("a", "b")
s = S()
s.a = []
print(hasattr(s, "__dict__"))
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError")
print(sys.getrefcount(s.a))
try:
    s.b
except AttributeError:
    print("b unset")
del s.a
print(hasattr(s, "a"))
