# A generator holds its frame; finishing or closing it releases the frame's locals.
class Noisy:
    def __del__(self):
        print("local released")
def gen():
    x = Noisy()
    yield 1
    yield 2
    print("generator ends")
g = gen()
print(next(g))
print(next(g))
print(list(g))
print("exhausted")
g2 = gen()
next(g2)
print("closing")
g2.close()
print("closed")
