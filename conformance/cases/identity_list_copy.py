# Copies of lists are new objects holding the same items.
a = [[1], [2]]
b = a[:]
c = list(a)
d = a.copy()
print(b is a, c is a, d is a)
print(b[0] is a[0], c[1] is a[1], d[0] is a[0])
print(b == a)
