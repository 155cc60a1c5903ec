# test_gc.test_function: a function and the globals dict that holds it form a cycle.
import gc
gc.collect()
d = {}
exec("def f(): pass\n", d)
gc.collect()
del d
print(gc.collect())
