# test_gc.test_dict: a dict containing itself.
import gc
gc.collect()
d = {}
d[1] = d
gc.collect()
del d
print(gc.collect())
