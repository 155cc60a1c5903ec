# list.append / pop / remove / insert adjust the item's refcount.
import sys
x = []
base = sys.getrefcount(x)
box = []
box.append(x)
box.insert(0, x)
print(sys.getrefcount(x) - base)
y = box.pop()
print(sys.getrefcount(x) - base)
del y
box.remove(x)
print(sys.getrefcount(x) - base)
box.extend([x, x, x])
print(sys.getrefcount(x) - base)
box *= 2
print(sys.getrefcount(x) - base)
box.clear()
print(sys.getrefcount(x) - base)
