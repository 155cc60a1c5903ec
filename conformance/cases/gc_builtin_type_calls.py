# Calling built-in types without vectorcall packs the arguments (zip, property, staticmethod, classmethod always; map, filter, reversed up to 3.9; enumerate up to 3.10); 3.10+ staticmethod/classmethod copy the function's attributes into their own __dict__.
import gc
L = [1, 2]
def f(x): return x
cases = [("enumerate", lambda: enumerate(L)), ("map", lambda: map(f, L)), ("filter", lambda: filter(f, L)), ("zip", lambda: zip(L, L)), ("reversed", lambda: reversed((1, 2))), ("object", lambda: object()), ("property", lambda: property(f)), ("staticmethod", lambda: staticmethod(f)), ("classmethod", lambda: classmethod(f)), ("slice", lambda: slice(1, 2)), ("super", None)]
out = []
for name, fn in cases:
    if fn is None: continue
    fn(); fn()
    gc.collect()
    gc.disable()
    c0 = gc.get_count()[0]
    r = fn()
    c1 = gc.get_count()[0]
    gc.enable()
    out.append("%s=%d" % (name, c1 - c0 - (1 if gc.is_tracked(r) else 0)))
    del r
print(" ".join(out))
