# Up to 3.12 a function frame caches its locals() / f_locals dict and holds it (a reference to every local) until it is freed; 3.6 fills it from the last name.
import sys
def f(a, b):
    c = [1]
    d = locals()
    print(sorted(d), list(d))
    print(sys.getrefcount(c))
    e = locals()
    print(d is e, list(e))
    return d
x = f(1, 2)
print(list(x))
def g():
    x = [1]
    y = [2]
    l = locals()
    del y
    l2 = locals()
    print(sorted(l2), l is l2, sys.getrefcount(x))
g()
def work():
    big = [0]
    cells = [big]
    def inner():
        return cells
    raise KeyError('x')
try:
    work()
except KeyError as e:
    err = e
f = err.__traceback__.tb_next.tb_frame
d = f.f_locals
print(sorted(d), d is f.f_locals)
big = d['big']
del d
print(sys.getrefcount(big))
del f, err
print(sys.getrefcount(big))
