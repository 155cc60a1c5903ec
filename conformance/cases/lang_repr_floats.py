# repr of floats is the shortest string that round-trips; containers use repr of items.
for v in [0.1, 0.1 + 0.2, 1 / 3, 1e22, 1e-7, 2.5, float("inf"), -float("inf"), 1.0, 100.0, 1e16, 123456789012345678.0]:
    print(repr(v))
print([0.1, "s", None, (1,), {"k": [1.5]}])
print(str(1.0), str(1e100))
print(round(2.675, 2), round(0.5), round(1.5), round(2.5))
