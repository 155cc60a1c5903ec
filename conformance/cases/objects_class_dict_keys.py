# The keys of a class __dict__ in order: what the class body stored (3.13 adds __firstlineno__ and __static_attributes__, the names methods assign on self), then what type_new adds.
import sys


def deco(cls):
    return cls


@deco
class Shape:
    """A shape."""
    sides = 0

    def __init__(self, name):
        self.name = name
        self.area = 0.0
        other = self
        other.ignored = 1

    def grow(self):
        self.area += 1
        self.scale = 2
        def helper():
            self.nested = True
        helper()


class Square(Shape):
    sides = 4
    __slots__ = ()


class Empty:
    pass


for cls in (Shape, Square, Empty):
    print(cls.__name__, list(cls.__dict__))
for cls in (Shape, Empty):
    d = cls.__dict__
    print(d.get("__firstlineno__"), d.get("__static_attributes__"))
s = Shape("s")
s.grow()
print(sorted(vars(s)))
print(sys.getrefcount(Shape.__dict__["sides"]) > 0, len(vars(Shape)) - len(vars(Empty)))
