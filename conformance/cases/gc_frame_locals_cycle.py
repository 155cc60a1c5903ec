# sys._getframe() stored in a local makes frame -> locals -> frame: garbage only the collector frees.
import gc, sys, weakref
class Marker:
    pass
def f():
    m = Marker()
    me = sys._getframe()
    return weakref.ref(m)
gc.collect()
w = f()
print("alive after return", w() is not None)
print("collect", gc.collect() > 0)
print("alive after collect", w() is not None)
