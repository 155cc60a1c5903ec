# sorted() with a key builds temporary lists; afterwards only the caller's references remain.
import sys
items = [[3], [1], [2]]
bases = [sys.getrefcount(x) for x in items]
s = sorted(items, key=lambda x: x[0])
print(s)
print([sys.getrefcount(x) - b for x, b in zip(items, bases)])
del s
print([sys.getrefcount(x) - b for x, b in zip(items, bases)])
