# fuzz seed 106209, shrunk: pymem 3.12 differs in "stdout: del / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
v7 = Node("n6")
v9 = Node("n8")
v11 = {1, 2, 3}
v11.add(v7)
