# Exceptions carry __context__ and __cause__, keeping earlier exceptions alive.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    err = e
print(type(err.__context__).__name__)
print(err.__cause__ is None, err.__suppress_context__)
try:
    try:
        [][0]
    except IndexError as inner:
        raise ValueError("v") from inner
except ValueError as e:
    err2 = e
print(type(err2.__cause__).__name__, err2.__suppress_context__)
