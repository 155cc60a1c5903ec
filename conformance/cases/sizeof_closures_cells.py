# Cells, bound methods, properties, static and class methods.
import sys
def outer():
    x = 1
    def inner():
        return x
    return inner
inner = outer()
print(sys.getsizeof(inner.__closure__[0]))
class A:
    def m(self):
        pass
    @property
    def p(self):
        return 1
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
print(sys.getsizeof(A().m))
print(sys.getsizeof(A.__dict__["p"]))
print(sys.getsizeof(A.__dict__["s"]), sys.getsizeof(A.__dict__["c"]))
