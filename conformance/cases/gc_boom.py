# test_gc.test_boom: __getattr__ is not called when the collector looks for __del__.
import gc
class Boom:
    def __getattr__(self, someattribute):
        del self.attr
        raise AttributeError
a = Boom()
b = Boom()
a.attr = b
b.attr = a
gc.collect()
garbagelen = len(gc.garbage)
del a, b
print(gc.collect())
print(len(gc.garbage) - garbagelen)
