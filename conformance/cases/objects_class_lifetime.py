# A class lives as long as its instances reference it.
import gc, weakref
class Temp:
    pass
obj = Temp()
r = weakref.ref(Temp)
del Temp
gc.collect()
print(r() is not None)
del obj
gc.collect()
print(r() is None)
