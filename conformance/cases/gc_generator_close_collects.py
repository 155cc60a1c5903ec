# Deleting a generator: its weakref callbacks run before it is closed (gen_dealloc), and up to 3.11 closing one that catches nothing makes no GeneratorExit, which shifts when an automatic collection starts.
import gc, sys, weakref
log = []
def on_gc(phase, info):
    if phase == "start":
        log.append(info["generation"])
def plain():
    yield 1
    yield 2
def guarded():
    try:
        yield 1
    finally:
        pass
def unstarted(mk):
    return mk()
def started(mk):
    g = mk()
    next(g)
    return g
makers = [("genexpr", lambda: (x for x in range(3))), ("plain", plain), ("guarded", guarded)]
for state, prep in [("unstarted", unstarted), ("started", started)]:
    for name, mk in makers:
        found = []
        for k in range(1, 6):
            gc.collect()
            g = prep(mk)
            before = gc.get_count()[0]
            gc.set_threshold(before + k, 1000, 1000)
            gc.callbacks.append(on_gc)
            del g
            gc.callbacks.remove(on_gc)
            gc.set_threshold(700, 10, 10)
            found.append(len(log))
            log.clear()
        print(state, name, found)
def cb(r):
    print("callback: generator alive?", r() is not None, "count", gc.get_count()[0] > 0)
gc.collect()
g = (x for x in range(3))
w = weakref.ref(g, cb)
del g
print("after del", w() is None)
