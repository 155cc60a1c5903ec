# fuzz seed 108810, shrunk: pymem 3.13 differs in "stdout: final / final"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
class Slot:
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
v1 = Node("n0")
v2 = closure(v1)()
w5 = weakref.ref(v1)
w7 = weakref.ref(v1, cb("w7"))
v8 = dict(x=v1)
v12 = 1.5
print("is", w7 is v8)
gc.set_threshold(1, 1, 4)
print("collect", gc.collect())
w14 = weakref.ref(v2, cb("w14"))
v15 = closure(w5)
v16 = hold(v12)
v17 = Slot()
print("count", gc.get_count())
w18 = weakref.ref(v15, cb("w18"))
for i in range(6):
    t19 = ([], i)
    t19[0].append(t19)
del v15
print("final", gc.collect())
