# A cycle that is still referenced from outside is not garbage.
import gc
class Node:
    __slots__ = ("other", "name")
gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
keep = a
del a, b
print(gc.collect())
print(keep.other.other is keep)
del keep
print(gc.collect())
