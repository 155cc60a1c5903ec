# Finalizers in a cycle: PEP 442 (3.4+) runs every __del__ first, then breaks the cycle.
import gc


class Resource:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        peer = self.peer.name if self.peer is not None else None
        print("__del__", self.name, "- peer still intact:", peer)


gc.collect()
a = Resource("a")
b = Resource("b")
a.peer = b
b.peer = a
del a, b
print("cycle unreachable; reference counting alone cannot free it")
found = gc.collect()
print("gc.collect() found", found, "objects")
print("gc.garbage:", gc.garbage)

print()
print("breaking the cycle by hand frees it at once, no collector needed:")
c = Resource("c")
d = Resource("d")
c.peer = d
d.peer = c
c.peer = None
del c
print("c released only once d lets go of it")
del d
print("gc.collect() now finds", gc.collect())
