# Local variables hold references until the function returns.
import sys
g = []
base = sys.getrefcount(g)
def f():
    a = g
    b = g
    c = [g, g]
    print(sys.getrefcount(g) - base)
    del c
    print(sys.getrefcount(g) - base)
f()
print(sys.getrefcount(g) - base)
