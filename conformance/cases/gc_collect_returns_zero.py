# gc.collect() returns 0 when there is nothing cyclic to free; refcounting frees the rest.
import gc
gc.collect()
a = [1, 2, 3]
b = {"a": a}
del a, b
print(gc.collect())
x = [[] for _ in range(100)]
del x
print(gc.collect())
