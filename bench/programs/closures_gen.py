# Closures (cells, nonlocal) and generators (yield, yield from, generator
# expressions): frames and generator objects made and dropped.
SCALE = 1
N = int(60_000 * SCALE)


def counter():
    n = 0

    def inc(k=1):
        nonlocal n
        n += k
        return n

    return inc


def gen(n):
    for i in range(n):
        yield i * 2


def chain(n):
    yield from gen(n)
    yield from gen(n // 2)


total = 0
for i in range(N):
    c = counter()
    c()
    c(3)
    total += c()
    total += sum(x for x in gen(5) if x % 3)
    total += sum(chain(4))
    f = lambda y, i=i: y + i
    total += f(1)
print(total)
