# int(x) of an int returns the same object; float(x) of a float too.
big = int("123456789012345678901234567890")
print(int(big) is big)
f = float("2.5")
print(float(f) is f)
t = tuple([1, 2])
print(tuple(t) is t)
l = [1, 2]
print(list(l) is l)
print(frozenset([1]) is frozenset([1]))
