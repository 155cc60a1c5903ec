# A call whose arguments do not bind raises TypeError after releasing what it had
# bound (initialize_locals(), then the new frame is cleared): the arguments'
# refcounts are as before. Keyword-only parameters come before *args in
# co_varnames (symtable_visit_arguments()).
import sys


def f(a, b, *args, c, **kw):
    return c


def g(a, b):
    pass


x = [1000]
y = [2000]
z = [3000]


def counts():
    return sys.getrefcount(x), sys.getrefcount(y), sys.getrefcount(z)


print(f.__code__.co_varnames, f(1, 2, 3, c=4))
before = counts()
calls = [
    lambda: g(x, a=y),
    lambda: g(x, y, z),
    lambda: g(x, c=y),
    lambda: f(x, y, z, a=z, c=y),
    lambda: f(x, y, z, q=y),
    lambda: g(x),
    lambda: f(x, y, z),
    lambda: g(*[x, y], b=z),
    lambda: g(x, **{"a": y, "b": z}),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
    print(counts() == before)
