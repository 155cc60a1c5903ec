# test_gc.test_instance: an instance referring to itself through an attribute.
import gc
gc.collect()
class A:
    pass
a = A()
a.a = a
gc.collect()
del a
print(gc.collect())
