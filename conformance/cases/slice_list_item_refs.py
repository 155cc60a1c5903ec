# A list holding the same object twice counts two references; del of an item drops one.
import sys
x = [0]
before = sys.getrefcount(x)
lst = [x, x, 1, 2]
print(sys.getrefcount(x) - before)
del lst[0]
print(sys.getrefcount(x) - before)
lst[0] = None
print(sys.getrefcount(x) - before)
print(lst)
