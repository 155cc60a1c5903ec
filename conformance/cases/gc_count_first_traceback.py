# The first exception of the main module: up to 3.10 the module already runs in a frame object, so its traceback allocates no frame.
import gc

gc.collect()
print("count", gc.get_count())
print("count", gc.get_count())
try:
    raise ValueError(1)
except ValueError as exc:
    pass
print("count", gc.get_count())
