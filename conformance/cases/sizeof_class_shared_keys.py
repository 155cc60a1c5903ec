# type.__sizeof__ of a class adds its instances' shared keys (3.6-3.10: given up once two instances outgrow them); none without __dict__.
import sys
class P: pass
class S: __slots__ = ('a',)
class D(dict): pass
class A:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i)
print(sys.getsizeof(P), sys.getsizeof(S), sys.getsizeof(D), sys.getsizeof(A))
a = A(3); print(sys.getsizeof(A))
a2 = A(7); print(sys.getsizeof(A))
a3 = A(12); print(sys.getsizeof(A))
a4 = A(1); a4.zz = 1; print(sys.getsizeof(A))
