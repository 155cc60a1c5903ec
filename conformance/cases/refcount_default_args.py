# Default argument values are stored on the function object: one extra reference.
import sys
d = []
base = sys.getrefcount(d)
def f(x=d):
    x.append(1)
    return x
print(sys.getrefcount(d) - base)
f()
f()
print(d)
print(f.__defaults__[0] is d)
del f
print(sys.getrefcount(d) - base)
