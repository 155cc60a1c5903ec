# Frozen objects are ignored by collections until unfrozen (3.7+).
import gc, sys
if sys.version_info >= (3, 7):
    gc.collect()
    l = []
    l.append(l)
    gc.freeze()
    del l
    print(gc.collect())
    gc.unfreeze()
    print(gc.collect())
else:
    print("gc.freeze is new in 3.7")
