# A weakref that is itself garbage does not get its callback called.
import gc, weakref
class Node:
    pass
calls = []
gc.collect()
a = Node()
a.self = a
a.wr = weakref.ref(a, lambda r: calls.append("called"))
del a
gc.collect()
print(calls)
