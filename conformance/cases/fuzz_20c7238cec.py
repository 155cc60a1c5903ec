# fuzz seed 70115, shrunk: pymem 3.9 differs in "stdout: del / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Plain:
    pass
gc.collect()
v1 = Node("n3")
v2 = Node("n4")
v5 = Plain()
v9 = {v1}
v9.add(v2)
del v2
v1 = None
