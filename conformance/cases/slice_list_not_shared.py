# Each list display builds a new list, even with equal contents.
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b)
c = []
d = []
print(c is d)
print(a[0] is b[0])
