# fuzz seed 101391, shrunk: pymem 3.11 differs in "stdout: drc / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
gc.set_threshold(6, 3, 3)
for i in range(6):
    t0 = Node("l1")
    t0.ref = Node("l1b")
    t0.ref.ref = t0
del t0
v2 = (x for x in range(3))
v5 = Node("n4")
b6 = sys.getrefcount(v5)
del v2
print("drc", sys.getrefcount(v5) - b6)
