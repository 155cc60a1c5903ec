# Dropping a suspended generator runs its finally block (GeneratorExit).
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")
g = gen()
print(next(g))
print("drop generator")
del g
print("after drop")
