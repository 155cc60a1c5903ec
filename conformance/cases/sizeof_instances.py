# Instances with a __dict__ versus with __slots__.
import sys
class Plain:
    def __init__(self):
        self.a = 1
        self.b = 2
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2
class Empty:
    pass
print(sys.getsizeof(Plain()))
print(sys.getsizeof(Slotted()))
print(sys.getsizeof(Empty()))
print(sys.getsizeof(object()))
p = Plain()
print(sys.getsizeof(p.__dict__))
print(hasattr(Slotted(), "__dict__"))
