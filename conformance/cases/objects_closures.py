# Closures share cells: two inner functions see the same variable.
def make():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make()
inc()
inc()
print(get())
print(inc.__closure__[0] is get.__closure__[0])
print(type(inc.__closure__[0]).__name__)
