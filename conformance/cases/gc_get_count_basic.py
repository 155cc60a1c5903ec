# test_gc.test_get_count: allocating a container counts up generation 0.
import gc
gc.collect()
a, b, c = gc.get_count()
x = []
d, e, f = gc.get_count()
print((b, c), (e, f))
print(a < 5, d > a)
