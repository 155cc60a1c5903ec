# Floats are not cached: computed equal floats are different objects.
a = 1.5
b = 1.5
print(a is b)
c = float("1.5")
print(a is c, a == c)
d = 0.1 + 0.2
print(d)
print(d == 0.3)
print(type(d))
