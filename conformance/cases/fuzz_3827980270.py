# fuzz seed 70147, shrunk: pymem 3.9 differs in "stdout: count / count"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
class Plain:
    pass
def cb(tag):
    pass
def closure(x):
    def f():
        pass
gc.collect()
v0 = closure(None)
v1 = Plain()
w2 = weakref.ref(v1, cb("w2"))
gc.set_threshold(6, 2, 2)
v4 = closure(v0)
v5 = dict(x=w2)
v6 = {"a": w2, "b": v4}
v7 = {"a": v0, "b": v1}
try:
    raise ValueError(v7)
except ValueError as exc:
    e8 = exc
v10 = Node("n9")
v12 = Node("n11")
v7.update(z=v5)
print("count", gc.get_count())
