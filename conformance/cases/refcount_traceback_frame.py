# An exception's __traceback__ keeps the frame and its locals alive.
import sys
class Big:
    pass
def fail(obj):
    local = obj
    raise ValueError("boom")
o = Big()
base = sys.getrefcount(o)
try:
    fail(o)
except ValueError as e:
    saved = e
print(sys.getrefcount(o) - base)
tb = saved.__traceback__
print(tb.tb_next.tb_frame.f_locals["local"] is o)
del tb
saved.__traceback__ = None
print(sys.getrefcount(o) - base)
