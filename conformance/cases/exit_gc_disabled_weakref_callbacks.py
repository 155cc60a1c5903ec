# At exit with gc disabled no collection runs before the modules go, so garbage the program left is reclaimed together with __main__'s dict by _PyGC_CollectNoFail(): a weakref held by a global to that garbage calls no callback, and gc.callbacks are not invoked.
import gc, weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def cb(r):
    print("callback", r() is None)

def gc_callback(phase, info):
    print("gc", phase, info["generation"])

gc.callbacks.append(gc_callback)
gc.disable()
g1 = Node("g1")
g2 = Node("g2")
g1.other = g2
g2.other = g1
wg = weakref.ref(g1, cb)
del g1, g2
x = Node("x")
wx = weakref.ref(x, cb)
print("end")
