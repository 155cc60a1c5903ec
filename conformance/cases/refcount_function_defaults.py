# A function's constant defaults: the compiler folds them into one tuple constant (fold_tuple_on_constants), so __defaults__ is shared with co_consts and between the functions one def makes; each default is held by that tuple (and up to 3.11 by co_consts too).
import sys


def f(a, b=1000, c=2.5, d=(1, 2), e=-3000):
    return a


dflt = f.__defaults__
print(len(dflt), sys.getrefcount(dflt))
print(sys.getrefcount(dflt[0]), sys.getrefcount(dflt[1]), sys.getrefcount(dflt[2]), sys.getrefcount(dflt[3]))


def g(x=[]):
    return x


print(sys.getrefcount(g.__defaults__), sys.getrefcount(g.__defaults__[0]))


def h(*, k=4000):
    return k


print(sys.getrefcount(h.__kwdefaults__), sys.getrefcount(h.__kwdefaults__["k"]))


def outer():
    def inner(p=5000, q=None):
        return p
    return inner


i1 = outer()
i2 = outer()
print(i1.__defaults__ is i2.__defaults__, sys.getrefcount(i1.__defaults__))
del i1
print(sys.getrefcount(i2.__defaults__))
t = (6000, (7000, 8000), 2.25)
print(sys.getrefcount(t), sys.getrefcount(t[0]), sys.getrefcount(t[1]), sys.getrefcount(t[1][0]))
