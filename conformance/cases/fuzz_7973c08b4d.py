# fuzz seed 100761, shrunk: pymem 3.6 differs in "stdout: del / final"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
v1 = Node("n0")
gc.set_threshold(2, 2, 2)
v6 = Node("n5")
v7 = v1
v8 = v6
del v7
v1.ref = v8
v8.ref = v1
del v1
del v6
del v8
print("final", gc.collect())
