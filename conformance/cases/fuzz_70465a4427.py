# fuzz seed 60031, shrunk: pymem 3.9 differs in "stdout: final / final"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        pass
class Plain:
    pass
def cb(tag):
    def inner(r):
        print("callback", tag, r() is None)
    return inner
def hold(x):
    return [x]
gc.collect()
v0 = [1, 2, 3]
v2 = Node("n1")
gc.set_threshold(11, 2, 3)
v5 = hold(v2)
v8 = Plain()
v9 = [1, 2, 3]
print("size", sys.getsizeof(v0))
w10 = weakref.ref(v2, cb("w10"))
for i in range(11):
    t11 = [i]
    t11.append(t11)
    print("it", i, gc.get_count()[0] >= 0)
w13 = weakref.ref(v2, cb("w13"))
w14 = weakref.ref(v8)
print("count", gc.get_count())
del v2
del v5
print("final", gc.collect())
