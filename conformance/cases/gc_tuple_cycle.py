# test_gc.test_tuple: a tuple and a list referring to each other.
import gc
gc.collect()
l = []
t = (l,)
l.append(t)
gc.collect()
del t
del l
print(gc.collect())
