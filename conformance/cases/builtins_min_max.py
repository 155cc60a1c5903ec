# min()/max() (Python/bltinmodule.c min_max()): argument errors, `default`, `key=None`, and `key` called on each item as the iterable yields it. Up to 3.12 several arguments are walked by an iterator over the argument tuple, a counted allocation that can start a collection (gen 0 threshold 1).
import gc
def gen(n):
    for i in range(n):
        print("yield", i)
        yield i
def k(x):
    print("key", x)
    return -x
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("max()", lambda: max())
attempt("default with several", lambda: max(1, 2, default=3))
attempt("empty", lambda: max([]))
attempt("bad keyword", lambda: min(1, 2, foo=1))
attempt("not iterable", lambda: max(1))
attempt("empty with default", lambda: max([], default=7))
attempt("key per item", lambda: min(gen(3), key=k))
attempt("key=None", lambda: max(3, 1, 2, key=None))
attempt("several", lambda: max(1, 3, 2))
attempt("str", lambda: min('bca'))
attempt("ties keep the first", lambda: max([(1, 'a'), (1, 'b')], key=lambda t: t[0]))

def probe():
    keep = [None] * 40
    out = [None] * 10
    gc.collect()
    gc.set_threshold(1, 1000, 1000)
    out[0] = gc.get_count()
    keep[0] = {1}
    out[1] = gc.get_count()
    keep[1] = {1}
    out[2] = gc.get_count()
    n = max(1, 2)
    out[3] = gc.get_count()
    n = max(1, 2)
    out[4] = gc.get_count()
    n = min(3, 4, 5)
    out[5] = gc.get_count()
    gc.set_threshold(700, 10, 10)
    print(out)
probe()
