# A tuple of constants at module level is itself a constant of the code object.
import sys
t = (1, 2, 3)
u = (1, 2, 3)
print(t is u)
v = tuple([1, 2, 3])
print(t is v, t == v)
print(sys.getrefcount(v))
