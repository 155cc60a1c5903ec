# Equal constants are shared inside one code object, but not between functions.
def f():
    a = 5000
    b = 5000
    return a, b
x, y = f()
print(x is y)
def g():
    return 5000
print(f()[0] is g(), f()[0] == g())
print(f()[0] is f()[1])
