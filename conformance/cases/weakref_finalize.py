# weakref.finalize calls a function when the object is collected, at most once.
import weakref
class A:
    pass
def done(tag):
    print("finalized", tag)
a = A()
f = weakref.finalize(a, done, "first")
print(f.alive)
del a
print(f.alive)
b = A()
g = weakref.finalize(b, done, "second")
print(g())
print(g())
print(g.alive)
del b
print("end")
