# From 3.11 a generator embeds its frame: sys.getsizeof grows with the code's
# locals and its value stack depth (co_stacksize); before, it is fixed.
import sys
def g0():
    yield 1
def g1(a):
    yield a
def g3(a, b, c):
    yield (a, b, c)
def g4():
    yield [1, 2, 3, 4, 5]
def calls(xs):
    for x in xs:
        yield len(str(x)), max(x, 1, key=abs)
def handler(xs):
    try:
        yield from xs
    except ValueError as e:
        yield repr(e)
def closure(n):
    def inner():
        return n
    yield inner
def deep(a):
    yield [[a, [a, (a, a)]], {a: a}]
print(sys.getsizeof(g0()), sys.getsizeof(g1(1)), sys.getsizeof(g3(1, 2, 3)), sys.getsizeof(g4()))
print(sys.getsizeof(calls([])), sys.getsizeof(handler([])), sys.getsizeof(closure(1)), sys.getsizeof(deep(1)))
print(sys.getsizeof(x for x in []), sys.getsizeof((x, y) for x in [] for y in []), sys.getsizeof(x * 2 for x in range(10**6)))
print(sys.getsizeof([x for x in range(1000)]) > sys.getsizeof(x for x in range(1000)))
