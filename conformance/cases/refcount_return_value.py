# A returned object keeps the reference the function handed back; locals are dropped.
import sys
def make():
    x = [1, 2, 3]
    print("inside", sys.getrefcount(x))
    return x
r = make()
print("outside", sys.getrefcount(r))
def passthrough(o):
    return o
s = passthrough(r)
print(s is r, sys.getrefcount(r))
