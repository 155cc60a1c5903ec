# test_finalization: a cycle member resurrected by __del__ survives the collection.
import gc
survivors = []
class Node:
    def __del__(self):
        print("__del__", self.name)
        survivors.append(self)
gc.collect()
a = Node()
a.name = "a"
a.self = a
del a
print(gc.collect())
print(len(survivors), survivors[0].self is survivors[0])
survivors.clear()
print(gc.collect())
