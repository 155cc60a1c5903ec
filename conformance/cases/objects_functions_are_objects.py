# Functions are objects with attributes, defaults, code and globals.
def f(a, b=2, *, c=3):
    return a + b + c
f.note = "hi"
print(f.note, f.__name__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__globals__ is globals())
g = f
del f
print(g(1))
