# fuzz seed 100458, shrunk: pymem 3.6 differs in "stdout: callback / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
def hold(x):
    return [x]
gc.collect()
v0 = {1, 2, 3}
v2 = Node("n1")
v0.add(v2)
del v2
v5 = (x for x in v0)
v6 = hold(v0)
w9 = weakref.ref(v5, cb("w9"))
del v6[:]
v17 = v5
del v0
del v5
del v17
