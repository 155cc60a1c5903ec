# A bound method is a new object on each attribute access, holding self and the function.
class A:
    def m(self):
        return self
a = A()
m1 = a.m
m2 = a.m
print(m1 is m2, m1 == m2)
print(m1.__self__ is a, m1.__func__ is A.m)
print(m1() is a)
print(type(m1).__name__, type(A.m).__name__)
