# Finalizers of a cycle all run before any object of it is cleared (PEP 442); __del__ sees its peers intact.
import gc
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "peer", self.peer.name)
gc.collect()
a = N("a"); b = N("b"); c = N("c")
a.peer = b; b.peer = c; c.peer = a
del a, b, c
print("collect", gc.collect())
print("again", gc.collect())
