# Weak reference callbacks run newest first when the referent dies; a ref without a callback is shared.
import gc, weakref
class T:
    pass
def cb(name):
    def f(r):
        print("callback", name, type(r).__name__)
    return f
gc.collect()
t = T()
r1 = weakref.ref(t, cb("r1"))
r2 = weakref.ref(t, cb("r2"))
r3 = weakref.ref(t)
r4 = weakref.ref(t)
print("shared", r3 is r4, weakref.getweakrefcount(t))
del t
print("dead", r1(), r3())
u = T()
u.me = u
p = weakref.proxy(u, cb("proxy"))
q = weakref.ref(u, cb("ref"))
del u
print("collect", gc.collect())
