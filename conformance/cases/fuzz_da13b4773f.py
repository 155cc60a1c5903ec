# fuzz seed 107218, shrunk: pymem 3.12 differs in "stdout: collectN / collectN"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
def hold(x):
    return [x]
def closure(x):
    def f():
        return x
    return f
gc.collect()
gc.set_threshold(2, 2, 1)
v1 = 3.25
v2 = {v1}
v6 = hold(v2)
v8 = Node("n7")
w9 = weakref.ref(v8, cb("w9"))
v10 = closure(v6)()
v11 = []
v6[:] = []
for i in range(8):
    t13 = {"i": i}
    t13["me"] = t13
print("collect1", gc.collect(2))
