# The small-int cache covers -5..256: ints computed at run time are identical only inside it.
vals = [-6, -5, -1, 0, 1, 100, 255, 256, 257, 1000]
for v in vals:
    a = int(str(v))
    b = int(str(v))
    print(v, a is b)
