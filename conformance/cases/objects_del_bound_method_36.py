# __del__ called by deallocation: 3.6 binds it to the object first (a method object counted by the collector), 3.7+ calls it unbound.
import gc
class Node:
    def __del__(self):
        pass
v10 = Node()
v11 = Node()
gc.collect()
c0 = gc.get_count()
v10 = None
c1 = gc.get_count()
v11 = None
c2 = gc.get_count()
print(c0, c1, c2)
