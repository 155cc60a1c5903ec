# fuzz seed 100387, shrunk: pymem 3.11 differs in "stdout: callback / del"
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
def rc_in(x):
    return sys.getrefcount(x)
gc.collect()
v0 = Node("n2")
for i in range(12):
    t4 = ([], i)
    t4[0].append(t4)
gc.set_threshold(4, 3, 3)
v11 = (x for x in range(3))
def f13(a, b):
    loc = [a, b]
    print("in", sys.getrefcount(loc), gc.is_tracked(loc), sys.getrefcount(a) - rc_in(a))
v14 = f13(v0, v11)
w15 = weakref.ref(v11, cb("w15"))
for i in range(11):
    t16 = {"i": i}
    t16["me"] = t16
    print("it", i, gc.get_count()[0] >= 0)
v18 = lambda: v10
for i in range(5):
    t19 = Node("l20")
    t19.ref = t19
    print("it", i, gc.get_count()[0] >= 0)
gc.set_threshold(4, 1, 2)
try:
    raise ValueError(v0)
except ValueError as exc:
    e21 = exc
try:
    raise ValueError(v14)
except ValueError as exc:
    e22 = exc
del v11
