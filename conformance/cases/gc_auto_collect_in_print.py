# 3.12+: a collection the allocator scheduled also runs inside PyErr_CheckSignals(),
# which PyObject_Str() and PyObject_Repr() call first: print() runs it while writing
# (after making the bound `write` of a piece), a repr once per element. Up to 3.11 it
# runs inside the allocation that crosses the threshold.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name)
gc.collect()
gc.set_threshold(3, 100, 100)
for i in range(4):
    Node("n%d" % i)
    print("it", i, "a", "b")
gc.set_threshold(5, 100, 100)
for i in range(4):
    Node("m%d" % i)
    print("repr", repr((i, i, i, (i, i, i))), "end")
gc.set_threshold(700, 10, 10)
gc.collect()
print("count", gc.get_count())
