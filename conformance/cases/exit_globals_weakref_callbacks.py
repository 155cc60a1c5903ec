# At interpreter exit (Py_FinalizeEx): a full collection runs first if gc is enabled (garbage left by the program: its finalizers run, and a weakref the program still holds calls its callback); then __main__ leaves sys.modules, and its dict — held in a cycle by the functions' __globals__ — is collected with everything only it held: __del__ of globals (and of cycles bound to globals) runs in the collector's order, and weakrefs bound to globals call no callback. weakref.finalize objects run earlier, from atexit.
import gc, weakref

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def cb(r):
    print("callback", r() is None)

def done(tag):
    print("finalize", tag)

a = Node("a")
b = Node("b")
w = weakref.ref(b, cb)
c1 = Node("c1")
c2 = Node("c2")
c1.other = c2
c2.other = c1
n = Node("n")
f = weakref.finalize(n, done, "n")
g1 = Node("g1")
g2 = Node("g2")
g1.other = g2
g2.other = g1
wg = weakref.ref(g1, cb)
del g1, g2
items = [Node("l0"), Node("l1")]
print("end")
