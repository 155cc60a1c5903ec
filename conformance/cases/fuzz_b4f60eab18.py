# fuzz seed 100615, shrunk: pymem 3.11 differs in "stdout: <blank> / rcdel"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
v1 = Node("n0")
v2 = v1
gc.set_threshold(7, 3, 4)
v1.ref = v2
del v2
del v1
v3 = []
print("rc", sys.getrefcount(v3))
