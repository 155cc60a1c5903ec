# test_gc.test_frame: a frame that references itself through a local.
import gc, sys
def f():
    frame = sys._getframe()
gc.collect()
f()
print(gc.collect())
