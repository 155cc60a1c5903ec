# Instances of heap subclasses of list, dict and set: the base object with the
# subclass as its type, a __dict__, weakrefs, overridden dunders, __missing__, sizes.
import sys, gc, weakref
class L(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = 'L'
class M(list):
    def __len__(self):
        return 42
    def __getitem__(self, i):
        return ('item', i)
    def __contains__(self, x):
        return x == 'yes'
    def __iter__(self):
        return iter([7, 8])
    def __repr__(self):
        return 'M!'
class D(dict):
    def __missing__(self, key):
        return key * 2
class E(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
    def __getitem__(self, k):
        return ('got', dict.__getitem__(self, k))
class S(set): pass
l = L([1, 2, 3])
print(l, l.tag, type(l).__name__, isinstance(l, list), len(l), l.__dict__)
l.append(4); print(l, sum(l), l[1:3], l == [1, 2, 3, 4], [1, 2, 3, 4] == l)
m = M([1, 2])
print(len(m), m[0], 'yes' in m, 'no' in m, list(m), repr(m), bool(m), m.count(1))
d = D(a=1)
print(d['a'], d['bb'], d.get('zz'), 'zz' in d, d, sorted(d.__dict__.items()))
e = E()
e['x'] = 2
print(e['x'], dict(e), e.get('x'))
s = S([3, 1, 2])
print(s, S(), len(s), 2 in s, type(s).__name__)
class L2(list): pass
print(repr(L2([1, 'a'])), repr(D()), str(L2()))
print(L2([1,2]) + [3], type(L2([1]) + [3]).__name__)
r = weakref.ref(l); print(r() is l); del l; print(r())
gc.collect()
x = L2(); y = L2(); x.other = y; y.other = x; x.append(y)
w = weakref.ref(x)
del x, y
print(gc.collect(), w())
class Node(dict): pass
a = Node(); a['self'] = a; a.me = a
del a
print(gc.collect())
before = gc.get_count()[0]
z = L2()
print(gc.get_count()[0] - before, gc.is_tracked(z), gc.is_tracked(Node()), gc.is_tracked(S()))
base = sys.getrefcount(L2)
objs = [L2() for i in range(5)]
print(sys.getrefcount(L2) - base)
del objs
print(sys.getrefcount(L2) - base)
item = object()
c = sys.getrefcount(item)
q = L2([item, item]); q.attr = item
print(sys.getrefcount(item) - c)
del q
print(sys.getrefcount(item) - c)
print(sys.getsizeof(L2([1, 2, 3])) - sys.getsizeof([1, 2, 3]), sys.getsizeof(Node(a=1)) - sys.getsizeof(dict(a=1)))
t = L2(); t.a = 1
print(sys.getsizeof(t) == sys.getsizeof(L2()))
print(len(gc.get_referents(t)), L2 in gc.get_referents(t))
