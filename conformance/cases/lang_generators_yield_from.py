# yield and yield from: delegation, return values and send().
def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("result:", result)
    yield 3
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
print(list(g))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)))
