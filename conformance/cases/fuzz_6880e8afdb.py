# fuzz seed 101288, shrunk: pymem 3.12 differs in "stdout: del / callback"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Plain:
    pass
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
gc.collect()
v10 = Plain()
for i in range(4):
    t16 = Node("l17")
w19 = weakref.ref(v10, cb("w19"))
