# From 3.12 an inlined comprehension leaves no code object in co_consts; its variables are the function's fast locals, saved and restored around it.
import sys

def f(y):
    x = "outer"
    r = [x for x in y]
    return r, x

def consts(y):
    return [1234567 for _ in y]

def g(y):
    x = "outer"
    try:
        [1 // x for x in y]
    except ZeroDivisionError as e:
        tb = e.__traceback__
        n = 0
        while tb is not None:
            n += 1
            tb = tb.tb_next
        return n, x

print(f([1, 2]))
print("nested code", any(type(c).__name__ == "code" for c in consts.__code__.co_consts))
c = consts([1])[0]
print("const refs", sys.getrefcount(c))
print("traceback entries, x", g([1, 0]))
print("varnames", f.__code__.co_varnames, g.__code__.co_varnames)
l = [1, 2, 3]
print("iterable refs", [sys.getrefcount(l) for _ in l][0])
class K:
    k = 10
    v = [i * 2 for i in range(3)]
print("class", K.v)
