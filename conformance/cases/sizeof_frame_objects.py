# sys.getsizeof of frame objects (frame_sizeof: a slot per local and stack entry) and of generators, which embed their frame from 3.11.
import sys

def plain():
    return sys._getframe()

def locals3(a, b):
    c = a
    return sys._getframe()

def gen():
    yield 1

def gen_locals(a, b):
    c = [a, b]
    yield c

print("plain", sys.getsizeof(plain()))
print("locals", sys.getsizeof(locals3(1, 2)))
g = gen()
print("gen", sys.getsizeof(g), sys.getsizeof(g.gi_frame))
g = gen_locals(1, 2)
print("gen locals", sys.getsizeof(g), sys.getsizeof(g.gi_frame))
next(g)
print("started", sys.getsizeof(g), sys.getsizeof(g.gi_frame))
print("module", sys.getsizeof(sys._getframe()))
