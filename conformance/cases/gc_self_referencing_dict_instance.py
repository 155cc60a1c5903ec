# An instance whose __dict__ refers back to the instance (via a dict value).
import gc
class Holder:
    pass
gc.collect()
h = Holder()
h.d = {"owner": h}
del h
print(gc.collect())
