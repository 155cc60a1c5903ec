# Lambdas capture variables through cells, not values.
import sys
def make():
    items = [1]
    f = lambda: items
    items = [2]
    return f
f = make()
print(f())
print(sys.getrefcount(f()))
print(len(f.__closure__))
