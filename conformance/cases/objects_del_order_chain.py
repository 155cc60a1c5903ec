# Deallocation order: a chain frees from the head; a list frees its items last to first; a dict in insertion order.
import gc
class D:
    def __init__(self, name, nxt=None):
        self.name = name
        self.nxt = nxt
    def __del__(self):
        print("del", self.name)
gc.collect()
head = D("1", D("2", D("3")))
del head
print("--")
l = [D("a"), D("b"), D("c")]
del l
print("--")
d = {"x": D("x"), "y": D("y"), "z": D("z")}
del d
print("--")
t = (D("t1"), D("t2"))
del t
print("end")
