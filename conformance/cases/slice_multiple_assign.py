# Chained and tuple assignment bind several names to the same objects.
import sys
a = b = c = []
print(a is b, b is c)
print(sys.getrefcount(a))
x, y = [1], [2]
print(sys.getrefcount(x), sys.getrefcount(y))
x, y = y, x
print(x, y)
