# An iterator keeps its container alive until exhausted or dropped.
import sys
lst = [1, 2, 3]
base = sys.getrefcount(lst)
it = iter(lst)
print(sys.getrefcount(lst) - base)
print(next(it))
print(list(it))
print(sys.getrefcount(lst) - base)
it2 = iter(lst)
del it2
print(sys.getrefcount(lst) - base)
