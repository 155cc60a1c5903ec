# A class attribute is referenced by the class __dict__; instances read it without a new reference.
import sys
shared = []
base = sys.getrefcount(shared)
class C:
    items = shared
print(sys.getrefcount(shared) - base)
a = C()
b = C()
print(a.items is b.items is shared)
print(sys.getrefcount(shared) - base)
del C.items
print(sys.getrefcount(shared) - base)
