# weakref.finalize: callbacks run when the object dies, or at exit in reverse order of creation (atexit=True).
import gc, weakref
class Obj:
    pass
def report(name):
    print("finalize", name)
a = Obj()
b = Obj()
c = Obj()
fa = weakref.finalize(a, report, "a")
fb = weakref.finalize(b, report, "b")
fc = weakref.finalize(c, report, "c")
fc.atexit = False
print("alive", fa.alive, fb.alive, fc.alive)
del b
print("alive", fa.alive, fb.alive)
d = Obj()
fd = weakref.finalize(d, report, "d")
print("peek", fd.peek()[2:])
fd.detach()
print("detached", fd.alive)
print("end")
