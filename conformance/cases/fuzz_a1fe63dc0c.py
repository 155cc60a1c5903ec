# fuzz seed 105337, shrunk: pymem 3.6 differs in "stdout: is / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
v0 = Node("n2")
v1 = Node("n3")
v0.ref = v1
v1.ref = v0
v1 = None
v0 = None
gc.set_threshold(10, 4, 4)
print("is", v1 is v1)
