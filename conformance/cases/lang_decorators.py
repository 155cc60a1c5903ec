# Decorators wrap functions; the wrapper keeps the original alive through its closure.
import sys
def trace(fn):
    def wrapper(*args):
        print("call", fn.__name__, args)
        return fn(*args)
    wrapper.inner = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3))
print(add.__name__, add.inner.__name__)
def twice(fn):
    return lambda x: fn(fn(x))
@twice
@twice
def inc(x):
    return x + 1
print(inc(0))
