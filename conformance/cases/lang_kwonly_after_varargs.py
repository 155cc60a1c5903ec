# Keyword-only parameters after *args: co_varnames lists them before *args and **kwargs (the frame's layout).
def log(level, *messages, sep=" ", **extra):
    return level + ": " + sep.join(messages) + (" " + repr(extra) if extra else "")
print(log("info", "a", "b"))
print(log("warn", "x", "y", sep="-", code=3))
print(log.__code__.co_varnames, log.__code__.co_argcount, log.__code__.co_kwonlyargcount)
def tail(first, *rest, last):
    return first, rest, last
print(tail(1, 2, 3, last=4), tail.__code__.co_varnames)
try:
    tail(1, 2)
except TypeError as e:
    print("TypeError:", e)
