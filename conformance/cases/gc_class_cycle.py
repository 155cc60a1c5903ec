# test_gc.test_class: a class referring to itself (classes are always in cycles).
import gc
gc.collect()
class A:
    pass
A.a = A
gc.collect()
del A
print(gc.collect() > 0)
class B(object):
    pass
gc.collect()
del B
print(gc.collect() > 0)
