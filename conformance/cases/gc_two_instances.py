# A cycle of two plain instances: 4 objects (instances + dicts) before 3.11, 2 from 3.11.
import gc
gc.collect()
class Node:
    pass
a = Node()
b = Node()
a.partner = b
b.partner = a
del a, b
print(gc.collect())
print(gc.collect())
