# __set_name__ runs while the class is made (type_new's set_names), once per descriptor, with the owner and the attribute name; the descriptor is held by the class dict.
import sys


class Named:
    def __init__(self):
        self.name = None

    def __set_name__(self, owner, name):
        print("  __set_name__", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.name, value)


print("before class")


class Point:
    x = Named()
    y = Named()
    z = 3

    def __init__(self, x):
        self.x = x


print("after class")
p = Point(5)
print(p.x, p.y, vars(p))
d = Point.__dict__["x"]
print(d.name, sys.getrefcount(d) - 1)
desc = Named()
print(desc.name)
print(sys.getrefcount(desc))
Point.w = desc
print(desc.name, sys.getrefcount(desc))
