# fuzz seed 50070, shrunk: pymem 3.8 differs in "stdout: count / count"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
def cb(tag):
    pass
gc.collect()
v3 = Node("n2")
w6 = weakref.ref(v3, cb("w6"))
try:
    raise ValueError(w6)
except ValueError as exc:
    pass
print("count", gc.get_count())
