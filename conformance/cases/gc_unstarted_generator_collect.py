# A never-started generator in a garbage cycle: up to 3.10 its finalizer still runs the frame, releasing it; from 3.7 gc.collect() counts only what is left.
import gc

def gen():
    yield 1

gc.collect()
g = (x for x in range(3))
l = [g]
l.append(l)
del g, l
print("genexpr cycle", gc.collect())
g = gen()
l = [g, 1]
l.append(l)
del g, l
print("generator cycle", gc.collect())
g = gen()
next(g)
l = [g]
l.append(l)
del g, l
print("started generator cycle", gc.collect())
