# Weakref callbacks of objects in a cycle run during collection, before clearing.
import gc, weakref
class Node:
    pass
events = []
gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
ra = weakref.ref(a, lambda r: events.append("a callback"))
rb = weakref.ref(b, lambda r: events.append("b callback"))
del a, b
gc.collect()
print(sorted(events))
print(ra() is None, rb() is None)
