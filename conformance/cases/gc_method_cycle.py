# test_gc.test_method: an instance keeping its own bound method.
import gc
gc.collect()
class A:
    def __init__(self):
        self.init = self.__init__
a = A()
gc.collect()
del a
print(gc.collect() > 0)
