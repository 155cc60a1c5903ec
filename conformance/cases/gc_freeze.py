# test_gc.test_freeze: gc.freeze moves everything to a permanent generation (3.7+).
import gc, sys
if sys.version_info >= (3, 7):
    gc.freeze()
    print(gc.get_freeze_count() > 0)
    gc.unfreeze()
    print(gc.get_freeze_count())
else:
    print("gc.freeze is new in 3.7")
