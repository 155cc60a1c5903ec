# test_gc.test_list: a list containing itself is freed only by the collector.
import gc
gc.collect()
l = []
l.append(l)
gc.collect()
del l
print(gc.collect())
print(gc.collect())
