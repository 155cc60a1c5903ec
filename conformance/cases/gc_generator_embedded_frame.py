# From 3.11 a generator embeds its frame: no frame object until gi_frame asks for one (untracked then), and the frame holds the function.
import gc, sys

def gen(a):
    yield a

co = gen.__code__
f0 = sys.getrefcount(gen)
c0 = sys.getrefcount(co)
gc.collect()
g = gen([])
print("count after call", gc.get_count())
print("func, code held", sys.getrefcount(gen) - f0, sys.getrefcount(co) - c0)
gc.collect()
fr = g.gi_frame
print("count after gi_frame", gc.get_count())
print("frame tracked", gc.is_tracked(fr), "same", g.gi_frame is fr)
next(g)
for _ in g:
    pass
print("finished", g.gi_frame, "locals kept", fr.f_locals)
print("frame tracked", gc.is_tracked(fr))
print("func, code held", sys.getrefcount(gen) - f0, sys.getrefcount(co) - c0)
del fr
print("func, code held", sys.getrefcount(gen) - f0, sys.getrefcount(co) - c0)
del g
print("func, code held", sys.getrefcount(gen) - f0, sys.getrefcount(co) - c0)
items = [1, 2]
gc.collect()
h = (x for x in items)
print("genexpr count", gc.get_count())
print("genexpr frame tracked", gc.is_tracked(h.gi_frame))
