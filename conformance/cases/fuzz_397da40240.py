# fuzz seed 100651, shrunk: pymem 3.6 differs in "stdout: count / count"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
    def __del__(self):
        pass
def cb(tag):
    def inner(r):
        pass
    return inner
gc.collect()
v4 = Node("n6")
w7 = weakref.ref(v4, cb("w7"))
v10 = [w7] * 3
v10.append(v4)
v4.ref = v10
v4 = None
v10 = None
gc.set_threshold(1, 3, 1)
print("collect", gc.collect())
print("count", gc.get_count())
