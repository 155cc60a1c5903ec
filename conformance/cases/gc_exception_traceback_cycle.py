# Storing a caught exception in a local creates a frame/traceback cycle.
import gc
def fail():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return None
gc.collect()
fail()
print(gc.collect() > 0)
def clean():
    try:
        1 / 0
    except ZeroDivisionError:
        pass
clean()
print(gc.collect())
