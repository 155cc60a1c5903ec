# Large ints computed at run time are new objects; constants of one code object are shared.
import sys
a = 10 ** 20
b = 10 ** 20
print(a == b)
c = int("100000000000000000000")
print(a == c, a is c)
print(a)
print(type(a))
e = 2 ** 100
print(e)
