# print of literals and containers shows their repr inside containers.
a = 10
b = "10"
c = [a, b, None, True, 1.0]
print(a, b)
print(c)
print((1,), (), {})
print({"a": 1, "b": [2, 3]})
print(repr(b), str(b))
print(-0.0, 1e16, 1e-5, 123456789.0)
