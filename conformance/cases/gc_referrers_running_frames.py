# gc.get_referrers() of objects held by frames: a running frame object is
# untracked from 3.7 (made with _PyFrame_New_NoTrack) and tracked once it
# outlives its call (a traceback holds it); the call's argument tuple and the
# result list are never reported.
import gc
gc.collect()

class Big:
    pass

def fail():
    local = Big()
    raise ValueError(local)

try:
    fail()
except ValueError as e:
    err = e
tb = err.__traceback__
print("module frame tracked", gc.is_tracked(tb.tb_frame))
print("finished frame tracked", gc.is_tracked(tb.tb_next.tb_frame))
print("referrers of the local", sorted(type(r).__name__ for r in gc.get_referrers(err.args[0])))

def outer():
    inner_obj = Big()
    return sorted(type(r).__name__ for r in gc.get_referrers(inner_obj))
print("referrers in a running function", outer())

class K:
    obj = Big()
    print("referrers in a class body", sorted(type(r).__name__ for r in gc.get_referrers(obj)))

a = Big()
b = Big()
a.other = b
b.other = a
print("referrers of a", len(gc.get_referrers(a)), len(gc.get_referrers(a, b)))
del err, tb
print("collected", gc.collect())
