# Closures and nonlocal: each call to the factory gets its own cell.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
a = counter()
b = counter()
print(a(), a(), a(), b())
print(a.__closure__[0] is b.__closure__[0])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
