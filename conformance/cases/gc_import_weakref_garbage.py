# Importing weakref where start-up did not (3.6, 3.9, 3.13) leaves cyclic garbage for the next collection: 3.9/3.13 the class types.py makes to find MethodType.
import gc
def f():
    import weakref
    return weakref
x = [1]
f()
print(gc.collect())
import weakref
print(gc.collect())
