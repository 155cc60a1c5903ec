import gc, sys, weakref, re
sys.stderr = sys.stdout
def out(*a): print(*a)
class S:
    __slots__ = ('o', 'name', '__weakref__')
    def __init__(self, name): self.name = name; self.o = None
class D:
    __slots__ = ('o', 'name', '__weakref__')
    def __init__(self, name): self.name = name; self.o = None
    def __del__(self): out('del', self.name)
gc.collect()
# 1 two lists
a = []; b = [a]; a.append(b); del a, b
out('two lists', gc.collect())
# 2 debug stats
gc.collect()
a = []; b = [a]; a.append(b); del a, b
import io
buf = io.StringIO(); sys.stderr = buf
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
gc.collect()
gc.set_debug(0)
sys.stderr = sys.stdout
s = buf.getvalue()
s = re.sub(r'generation: .*', 'generation: N', s)
s = re.sub(r'generation:( \d+)+', 'generation: N N N', s)
s = re.sub(r'\d+\.\d+s elapsed', 'T elapsed', s)
out('STATS<<' + s + '>>')
# 3 debug collectable
a = []; b = [a]; a.append(b); del a, b
buf = io.StringIO(); sys.stderr = buf
gc.set_debug(gc.DEBUG_COLLECTABLE)
gc.collect()
gc.set_debug(0)
sys.stderr = sys.stdout
out('COLL<<' + re.sub(r'0x[0-9a-f]+', 'ADDR', buf.getvalue()) + '>>')
# 4 full resurrection
keep = []
class R:
    __slots__ = ('o',)
    def __del__(self): keep.append(self)
r = R(); l = [r]; r.o = l; del r, l
out('resurrect all', gc.collect(), len(keep))
out('resurrect again', gc.collect())
keep.clear(); gc.collect()
# 5 partial resurrection
r = R(); l = [r]; r.o = l
x = D('x'); y = D('y'); x.o = y; y.o = x
del r, l, x, y
n = gc.collect()
out('partial', n, len(keep))
out('partial2', gc.collect())
keep.clear(); gc.collect()
# 6 weakref in trash to live object
class W:
    __slots__ = ('wr', 'o')
    def __del__(self): out('wr alive in del:', self.wr() is not None)
t = S('target')
w = W(); w.wr = weakref.ref(t); w.o = [w]
del w
out('wr-in-trash', gc.collect())
# 7 live weakref with callback to trash; callback frees the weakref
d = {}
t = S('t'); t.o = t
d['k'] = weakref.ref(t, lambda wr: out('cb', d.pop('k') is wr))
del t
out('wrcb', gc.collect())
# 7b live weakref stays alive
t = S('t'); t.o = t
wr = weakref.ref(t, lambda w: out('cb2', w is wr))
del t
out('wrcb2', gc.collect())
# 8 finalizer order in cycle
a = D('a'); b = D('b'); c = D('c'); a.o = b; b.o = c; c.o = a
del a, b, c
out('ring', gc.collect())
# 8b order with reachable bounce: list holding
a = D('a'); b = D('b'); c = D('c'); e = D('e')
a.o = [b, c]; b.o = a; c.o = e; e.o = c
del a, b, c, e
out('tree', gc.collect())
# 9 dict untracking
dd = {}; dd['a'] = []; dd['a'] = 1
out('dict tracked', gc.is_tracked(dd)); gc.collect(0); out('after gen0', gc.is_tracked(dd)); gc.collect(); out('after full', gc.is_tracked(dd))
# 10 tuple untracking
t = tuple([1, 2]); t2 = tuple([1, []]); t3 = tuple([t, 5])
out('tuple tracked', gc.is_tracked(t), gc.is_tracked(t2), gc.is_tracked(t3)); gc.collect(0); out('after gen0', gc.is_tracked(t), gc.is_tracked(t2), gc.is_tracked(t3))
# 11 stats & callbacks
def cb(phase, info): out('callback', phase, sorted(info.items()))
gc.callbacks.append(cb)
a = []; a.append(a); del a
out('cbret', gc.collect(1))
gc.callbacks.remove(cb)
st = gc.get_stats()
out('stats keys', [sorted(x.keys()) for x in st])
# 12 is_finalized
if hasattr(gc, 'is_finalized'):
    k2 = []
    class F:
        def __del__(self): k2.append(self)
    f = F(); f.s = f; del f
    gc.collect(); out('is_finalized', gc.is_finalized(k2[0]))
# 13 saveall
gc.set_debug(gc.DEBUG_SAVEALL)
a = []; a.append(a); del a
out('saveall', gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0); gc.garbage.clear()
# 14 collecting DEBUG_LEAK value
out('consts', gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
# 15 get_count after collect
gc.collect(); out('count', gc.get_count())
gc.collect(0); out('count0', gc.get_count())
gc.collect(1); out('count1', gc.get_count())
