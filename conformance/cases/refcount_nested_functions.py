# Each call creates new local references; recursion stacks them up.
import sys
x = []
base = sys.getrefcount(x)
def depth(n, obj):
    if n == 0:
        return sys.getrefcount(obj) - base
    return depth(n - 1, obj)
print(depth(0, x))
print(depth(1, x))
print(depth(5, x))
print(sys.getrefcount(x) - base)
