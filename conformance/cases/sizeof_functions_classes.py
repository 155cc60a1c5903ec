# Functions, code objects, classes and modules have sizes too.
import sys
def f(a, b=1):
    return a + b
class C:
    pass
print(sys.getsizeof(f))
print(sys.getsizeof(lambda: 0))
print(sys.getsizeof(C) > 0, type(sys.getsizeof(C)) is int)
print(sys.getsizeof(C()))
print(sys.getsizeof(f.__defaults__))
