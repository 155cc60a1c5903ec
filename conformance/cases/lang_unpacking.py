# Tuple unpacking, starred targets and swapping.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print(*[1, 2], *(3,))
print({**{"a": 1}, "b": 2})
