# From 3.12 a generator whose body has a comprehension embeds a frame with the comprehension's variables as locals, and stack room for the saved values.
import sys

def plain():
    yield 1

def with_comp(y):
    r = [a + b for a in y for b in y]
    yield r

def with_dict(y):
    yield {k: v for k, v in y}

print(sys.getsizeof(plain()), sys.getsizeof(with_comp([1])), sys.getsizeof(with_dict([(1, 2)])))
g = with_comp([1, 2])
print(next(g), sys.getsizeof(g))
