# A failing assert raises AssertionError with its message.
def check(n):
    assert n > 0, "n must be positive, got " + str(n)
    return n
print(check(1))
check(-1)
