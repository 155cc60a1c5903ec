# __exit__'s return value decides whether the exception propagates; its arguments hold the traceback only during the call.
import gc, sys
class CM:
    def __init__(self, swallow):
        self.swallow = swallow
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, sys.getrefcount(v) > 1 if v else None)
        return self.swallow
gc.collect()
with CM(True) as c:
    raise KeyError("x")
print("swallowed")
try:
    with CM(False):
        raise KeyError("y")
except KeyError as e:
    print("propagated", e)
with CM(False):
    pass
print("rc cm", sys.getrefcount(c))
print("collect", gc.collect())
