# repr of dict views (a list of the view's items), str.format fields with [index] and .attribute, unpacking errors.
inventory = {"apples": 3, "pears": 0}
print(inventory.keys(), inventory.values(), inventory.items())
print(repr({}.keys()), str(inventory.items()), [inventory.values()])
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(3, 4)
print("{0.x},{0.y} {1[0]} {1[1]} {2[apples]}".format(p, ["a", "b"], inventory))
print("{pt.x} {seq[2]}".format(pt=p, seq="xyz"))
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def unpack_int():
    a, b = 5
def unpack_none():
    a, b = None
def too_many():
    a, b = [1, 2, 3]
show(unpack_int)
show(unpack_none)
show(too_many)
show(lambda: inventory.get())
show(lambda: isinstance(1))
