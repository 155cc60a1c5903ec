# sorted, reversed, enumerate, zip, map, filter, min, max, sum, any, all.
data = [5, 3, 8, 1]
print(sorted(data), sorted(data, reverse=True))
print(list(reversed(data)))
print(list(enumerate("ab", 1)))
print(list(zip("abc", [1, 2, 3], (True, False, None))))
print(list(map(lambda v: v * 2, data)))
print(list(filter(lambda v: v > 2, data)))
print(min(data), max(data), sum(data), any([0, 1]), all([1, 0]))
print(sorted(["b", "A", "c"], key=str.lower))
print(list(range(10, 0, -3)))
