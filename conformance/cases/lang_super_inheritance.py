# super() and the MRO in cooperative multiple inheritance.
class A:
    def hello(self):
        return ["A"]
class B(A):
    def hello(self):
        return ["B"] + super().hello()
class C(A):
    def hello(self):
        return ["C"] + super().hello()
class D(B, C):
    def hello(self):
        return ["D"] + super().hello()
print(D().hello())
print([k.__name__ for k in D.__mro__])
print(isinstance(D(), A), issubclass(D, C))
