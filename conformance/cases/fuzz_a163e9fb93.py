# fuzz seed 100098, shrunk: pymem 3.6 differs in "stdout: tracked / callback"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
gc.collect()
gc.set_threshold(4, 2, 4)
v1 = Node("n3")
v2 = Node("n4")
v1.ref = v2
v2.ref = v1
w5 = weakref.ref(v2, cb("w5"))
del v1
del v2
v6 = Node("n8")
v7 = Node("n9")
print("tracked", gc.is_tracked(v6))
