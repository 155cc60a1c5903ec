# id() equality is identity: equal ids mean the same object while both are alive.
a = [1]
b = a
c = [1]
print(id(a) == id(b))
print(id(a) == id(c))
print(a is b, a is c)
print(id(None) == id(None))
n = 7
m = 3 + 4
print(id(n) == id(m))
