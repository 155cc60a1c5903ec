# The name bound by `except ... as e` is deleted at the end of the handler.
import sys
try:
    raise KeyError("k")
except KeyError as e:
    print(type(e).__name__, "e" in dir())
print("e" in dir())
err = None
try:
    1 / 0
except ZeroDivisionError as e:
    err = e
print(type(err).__name__, sys.getrefcount(err))
