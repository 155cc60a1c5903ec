# sys.version_info is a tuple with named items; so is the argument of
# sys.unraisablehook (3.8+), which gets what __del__ raised.
import sys
v = sys.version_info
print(v[:2] == (v.major, v.minor), isinstance(v, tuple), len(v), v.releaselevel)
print(v >= (3, 6), type(v.micro).__name__)
class Bad:
    def __del__(self):
        raise KeyError("gone")
if sys.version_info >= (3, 8):
    seen = []
    def hook(args):
        seen.append(args)
        print("hook:", type(args).__name__, isinstance(args, tuple), len(args))
        print(args.exc_type.__name__, repr(args.exc_value), args.err_msg, args.exc_traceback is not None)
    sys.unraisablehook = hook
    b = Bad()
    del b
    print(seen[0][0] is KeyError, seen[0].object is Bad.__del__)
    sys.unraisablehook = sys.__unraisablehook__
else:
    print("no sys.unraisablehook before 3.8")
print(repr(ValueError("x")), repr(ValueError()), repr(ValueError(1, 2)))
