# Passing an object to a function adds references for the parameter while the call runs.
import sys
def inner(x):
    return sys.getrefcount(x)
def outer(y):
    return inner(y)
a = []
base = sys.getrefcount(a)
print(inner(a) - base)
print(outer(a) - base)
print(sys.getrefcount(a) - base)
