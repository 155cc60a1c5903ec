# Equal constants in one code object are one object: a = 1000; b = 1000 -> a is b.
a = 1000
b = 1000
print(a is b)
c = 1000.5
d = 1000.5
print(c is d)
e = "hello world!"
f = "hello world!"
print(e is f)
g = int("1000")
print(a is g, a == g)
