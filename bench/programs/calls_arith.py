# Function calls and arithmetic: recursion, keyword/default arguments, int and
# float arithmetic (ints beyond the small-int cache are allocated and freed).
SCALE = 1
N = int(200_000 * SCALE)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def poly(x, a=3, b=5, *, c=7):
    return a * x * x + b * x + c


def mean(*xs):
    return sum(xs) / len(xs)


acc = 0
facc = 0.0
for i in range(N):
    acc += poly(i, c=i % 11) % 1000003
    facc += mean(i, i * 0.5, 1.25)
acc += fib(int(22 + SCALE * 0))
print(acc, round(facc, 3))
