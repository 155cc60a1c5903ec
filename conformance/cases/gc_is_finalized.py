# gc.is_finalized tells whether __del__ already ran for an object (3.9+).
import gc, sys
class Lazarus:
    def __del__(self):
        global lazarus
        lazarus = self
if sys.version_info >= (3, 9):
    lazarus = None
    x = Lazarus()
    print(gc.is_finalized(x))
    del x
    print(gc.is_finalized(lazarus))
    print(gc.is_finalized([]))
else:
    print("gc.is_finalized is new in 3.9")
