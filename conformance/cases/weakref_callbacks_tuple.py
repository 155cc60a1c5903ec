# PyObject_ClearWeakRefs(): several weakrefs with callbacks are held in a tuple while the callbacks run.
import gc, sys, weakref
class Node:
    pass
class Callback:
    def __init__(self, name):
        self.name = name
    def __call__(self, r):
        print("callback", self.name, r() is None)
    def __del__(self):
        print("del callback", self.name)
n = Node()
w1 = weakref.ref(n, Callback("w1"))
w2 = weakref.ref(n, Callback("w2"))
w3 = weakref.ref(n)
gc.collect()
del n
print("collected", gc.collect())
m = Node()
w4 = weakref.ref(m, Callback("w4"))
gc.collect()
del m
print("collected", gc.collect())
