# object.__new__ and object.__init__: a singleton through super().__new__, and which extra arguments each refuses.
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
a = Singleton()
b = Singleton()
print(a is b, type(a).__name__)
class Point:
    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.x = x
        return self
p = Point(1, 2)
print(p.x, hasattr(p, "y"))
def show(f):
    try:
        f()
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
class Base:
    pass
class Child(Base):
    def __init__(self, v):
        super().__init__(v)
show(lambda: Child(1))
show(lambda: Base(1))
show(lambda: Base().__init__(1))
show(lambda: object.__new__(Point, 1))
show(lambda: object.__new__(Child, 1))
class Bag(list):
    def __new__(cls, *args):
        return super().__new__(cls)
print(Bag([1, 2]), type(Bag()).__name__)
