# The compiler merges equal constants, code objects included (code_richcompare:
# same name, arguments, flags, first line, bytecode, constants and names):
# identical lambdas on one line share one code object in 3.6-3.10 and 3.12 —
# and its zombie frame, so the second call allocates no frame up to 3.10.
import gc
a, b = (lambda: 0), (lambda: 0)
c = (lambda: 0)
print(a.__code__ is b.__code__, a.__code__ is c.__code__, a.__code__ == c.__code__)
def f():
    x, y = (lambda: 1), (lambda: 1)
    return x.__code__ is y.__code__
print(f())
g = [(lambda: 2) for _ in range(2)]
print(g[0].__code__ is g[1].__code__)
h1, h2 = (lambda q: q), (lambda r: r)
print(h1.__code__ is h2.__code__)
gc.collect()
gc.disable()
fns = [lambda: 7, lambda: 7]
c0 = gc.get_count()[0]
fns[0]()
c1 = gc.get_count()[0]
fns[1]()
c2 = gc.get_count()[0]
print("calls", c1 - c0, c2 - c1)
