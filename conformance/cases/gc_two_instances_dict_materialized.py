# Asking for __dict__ materializes the dict object, so it is collected too (3.11+).
import gc
gc.collect()
class Node:
    pass
a = Node()
b = Node()
a.partner = b
b.partner = a
print(len(a.__dict__), len(b.__dict__))
del a, b
print(gc.collect())
