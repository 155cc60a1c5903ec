# Finalizers of a cycle run before any member is cleared; all members are still intact.
import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "partner", self.partner.name)
gc.collect()
a = Node("a")
b = Node("b")
a.partner = b
b.partner = a
del a, b
print("collecting")
n = gc.collect()
print("collected", n)
