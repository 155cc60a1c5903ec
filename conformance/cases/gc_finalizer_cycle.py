# test_gc.test_legacy_finalizer / test_finalizer: since 3.4 cycles with __del__ are collected.
import gc
gc.collect()
class A:
    def __del__(self):
        print("A.__del__")
class B:
    pass
a = A()
a.a = a
id_a = id(a)
b = B()
b.b = b
del a
del b
print(gc.collect() > 0)
print(len(gc.garbage))
