# Tuple constants in one code object are folded and shared; a computed tuple is new.
a = (1, 2, 3)
b = (1, 2, 3)
print(a is b)
def f():
    return (1, 2, 3)
print(f() is f())
print(f() is a, f() == a)
c = tuple(a)
print(c is a)
d = a[:]
print(d is a)
