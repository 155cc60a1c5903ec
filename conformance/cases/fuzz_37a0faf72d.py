# fuzz seed 102669, shrunk: pymem 3.12 differs in "stdout: size / del"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Slot:
    pass
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
def hold(x):
    return [x]
def rc_in(x):
    return sys.getrefcount(x)
gc.collect()
v1 = [].append
v3 = Node("n2")
v5 = [1, 2, 3]
w6 = weakref.ref(v3, cb("w6"))
v7 = hold(v5)
gc.set_threshold(12, 4, 1)
print("count", gc.get_count())
w10 = weakref.ref(v3, cb("w10"))
for i in range(11):
    t11 = Node("l12")
    t11.ref = Node("l12b")
    t11.ref.ref = t11
del t11
del v3
def f13(a, b):
    loc = [a, b]
    loc.append(loc)
    return (a, b)
v14 = f13(v5, w10)
def f16(a, b):
    loc = [a, b]
    print("in", sys.getrefcount(loc), gc.is_tracked(loc), sys.getrefcount(a) - rc_in(a))
    return lambda: loc
v17 = f16(w10, w10)
del w6
v18 = Slot()
v20 = lambda x: x
w21 = weakref.ref(v18, cb("w21"))
print("size", sys.getsizeof(v7))
