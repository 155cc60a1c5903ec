# An exception raised while handling another keeps it as __context__; `raise ... from None` still stores it but suppresses it.
import sys
class E(Exception):
    pass
def f():
    try:
        raise KeyError("inner")
    except KeyError:
        raise E("outer")
try:
    f()
except E as e:
    ctx = e.__context__
    print(type(ctx).__name__, e.__suppress_context__, e.__cause__)
    print("ctx rc", sys.getrefcount(ctx))
def g():
    try:
        raise KeyError("inner")
    except KeyError:
        raise E("outer") from None
try:
    g()
except E as e:
    print(type(e.__context__).__name__, e.__suppress_context__, e.__cause__)
print("handled", sys.exc_info()[0])
