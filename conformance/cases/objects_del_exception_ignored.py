# An exception raised in __del__ is not propagated: it goes to sys.unraisablehook (3.8+).
import sys
class Bad:
    def __del__(self):
        raise ValueError("from __del__")
def hook(unraisable):
    print("unraisable:", unraisable.exc_type.__name__, unraisable.exc_value)
    print("object is Bad.__del__:", unraisable.object is Bad.__del__)
if sys.version_info >= (3, 8):
    sys.unraisablehook = hook
    b = Bad()
    del b
else:
    print("sys.unraisablehook is new in 3.8")
print("still running")
