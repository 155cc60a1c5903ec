# Allocation churn: small lists, dicts and instances made and dropped at once,
# so the allocator's free lists and the dealloc path do all the work.
SCALE = 1
N = int(200_000 * SCALE)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


total = 0
for i in range(N):
    a = [i, i + 1, i + 2]
    d = {"k": i, "v": a}
    p = Point(i, d)
    t = (a, p)
    total += len(a) + len(d) + p.x - i + len(t)
print(total)
