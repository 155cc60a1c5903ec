# fuzz seed 70309, shrunk: pymem 3.9 differs in "stdout: rc / rc"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
class Plain:
    pass
class Slot:
    pass
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
def closure(x):
    def f():
        return x
    return f
def rc_in(x):
    return sys.getrefcount(x)
gc.collect()
gc.set_threshold(1, 1, 4)
for i in range(3):
    print("it", i, gc.get_count()[0] >= 0)
v2 = {}
v3 = (x for x in range(3))
v4 = closure(v3)()
v5 = set()
print("size", sys.getsizeof(v3))
v6 = (v3, [])
v7 = {}
v8 = Slot()
v9 = closure(v8)
for i in range(12):
    t10 = Plain()
    t10.x = Plain()
    t10.x.x = t10
for i in range(1):
    t12 = Plain()
    t12.x = Plain()
    t12.x.x = t12
v15 = Node("n14")
v16 = set()
w17 = weakref.ref(v8, cb("w17"))
v18 = {v9}
def f19(a, b):
    loc = [a, b]
    print("in", sys.getrefcount(loc), gc.is_tracked(loc), sys.getrefcount(a) - rc_in(a))
    loc.append(loc)
    return (a, b)
v20 = f19(v3, v15)
w22 = weakref.ref(v15)
v24 = Node("n23")
v25 = dict(x=v20)
v26 = dict(x=v9)
v27 = lambda: v15
v30 = Node("n29")
print("rc", sys.getrefcount(v15))
