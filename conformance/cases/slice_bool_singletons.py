# True, False and None are singletons: every computation returns the same object.
a = 1 < 2
b = True
print(a is b)
c = 1 > 2
print(c is False)
d = bool(0)
print(d is False)
e = [].sort()
print(e is None)
print(type(a) is bool, isinstance(a, int))
print(True + True)
