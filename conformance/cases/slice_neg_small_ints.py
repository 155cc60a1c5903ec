# Negative small ints: -5 is cached, -6 is not, when computed at run time.
a = -5
b = 0 - int("5")
print(a is b)
c = -6
d = 0 - int("6")
print(c is d, c == d)
e = 100
f = int("100")
print(e is f)
