# Functions without return give None; every None is the one None object.
def f():
    pass
def g():
    return
print(f() is g() is None)
print(type(None)() is None)
print([].append(1) is None)
