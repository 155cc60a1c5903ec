# gc.disable stops automatic collection; cycles pile up until gc.collect or enable.
import gc
class Node:
    pass
gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(1000):
    n = Node()
    n.self = n
del n
print(gc.collect())
gc.enable()
print(gc.isenabled())
