# A function storing itself as an attribute: function and its __dict__ are collected.
import gc
gc.collect()
def f():
    pass
f.me = f
del f
print(gc.collect())
