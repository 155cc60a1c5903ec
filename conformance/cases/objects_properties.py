# Properties, classmethods and staticmethods are descriptors in the class __dict__.
class T:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2
t = T.make()
t.v = 5
print(t.v, T.helper(4), t.helper(5))
print(type(T.__dict__["v"]).__name__)
print(type(T.__dict__["make"]).__name__, type(T.__dict__["helper"]).__name__)
print(T.make.__self__ is T)
