# A bound method object called: from 3.11 CALL replaces it on the stack by its function and self.
import gc
import sys


class A:
    def f(self, x=0):
        return sys.getrefcount(A.__dict__['f']), sys.getrefcount(self)

    def __init__(self):
        self.c = gc.get_count()[0]


class B(A):
    def __init__(self):
        super().__init__()


class C(A):
    def __init__(self):
        A.__init__(self)


a = A()
m = a.f
print(m())
print(m(x=1))
for i in range(3):
    a = A()
    b = B()
    c = C()
    if i == 2:  # the earlier rounds also make what first calls make once
        print(b.c - a.c, c.c - a.c)
