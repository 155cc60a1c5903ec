# A generator's frame (and its locals) goes when it is closed, exhausted or dropped; finally blocks run on close.
import gc, sys, weakref
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def gen(name):
    r = Res(name)
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)
gc.collect()
g = gen("a")
print(next(g))
print("frame?", g.gi_frame is not None)
g.close()
print("frame after close", g.gi_frame)
h = gen("b")
print(list(h))
k = gen("c")
next(k)
del k
print("collect", gc.collect())
