# __del__ stores self in a global: the object survives; CPython runs __del__ only once (PEP 442), even when it dies again.
import gc, sys
saved = None
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        global saved
        print("del", self.name)
        saved = self
gc.collect()
p = Phoenix("p")
del p
print("saved", saved.name, sys.getrefcount(saved))
saved = None
print("gone again")
q = Phoenix("q")
q.me = q
del q
print("collect", gc.collect())
print("saved", saved.name)
saved.me = None
saved = None
print("collect", gc.collect())
