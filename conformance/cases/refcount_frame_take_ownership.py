# A frame object that outlives its call: 3.7+ tracks it only then; from 3.11 it takes the frame over (take_ownership) and its f_back is the caller's frame object, made if needed.
import gc, sys
def inner(x):
    y = [x]
    raise ValueError
def outer():
    inner(1)
def keep():
    return sys._getframe()
def call_keep():
    return keep()
gc.collect()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
print("count", gc.get_count())
f_outer = tb.tb_next.tb_frame
f_inner = tb.tb_next.tb_next.tb_frame
print("tracked", gc.is_tracked(tb.tb_frame), gc.is_tracked(f_outer), gc.is_tracked(f_inner))
print("back", f_inner.f_back is f_outer, f_outer.f_back is tb.tb_frame)
print("locals", f_inner.f_locals)
del tb, f_outer, f_inner
gc.collect()
fr = call_keep()
print("count", gc.get_count())
print("tracked", gc.is_tracked(fr), gc.is_tracked(fr.f_back))
print("back name", fr.f_back.f_code.co_name, fr.f_back.f_back is sys._getframe())
