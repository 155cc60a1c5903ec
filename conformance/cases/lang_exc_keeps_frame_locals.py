# A caught exception stored in a variable keeps its traceback, the traceback the frames, the frames their locals.
import gc, sys, weakref
class Big:
    pass
def work():
    big = Big()
    r = weakref.ref(big)
    raise ValueError("boom")
def run():
    try:
        work()
    except ValueError as e:
        return e
gc.collect()
err = run()
tb = err.__traceback__
frames = 0
while tb is not None:
    frames += 1
    tb = tb.tb_next
print("frames", frames)
big = err.__traceback__.tb_next.tb_frame.f_locals["big"]
print("rc", sys.getrefcount(big))
del big
err = None
print("collected", gc.collect())
