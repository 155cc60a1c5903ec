# *args and **kwargs pack references into a new tuple and dict.
import sys
a = []
base = sys.getrefcount(a)
def f(*args, **kwargs):
    print(type(args).__name__, type(kwargs).__name__)
    return sys.getrefcount(a) - base
print(f(a, a, k=a))
print(f(*[a], **{"k": a}))
print(sys.getrefcount(a) - base)
