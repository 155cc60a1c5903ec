# subtype_dealloc order for list and dict subclasses: weakref callbacks, then the
# __dict__, then the base's items; refcounts, gc counts and cycles through attributes.
import gc, sys, weakref

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

class L(list):
    pass

class D(dict):
    pass

gc.collect()
x = L([Noisy('item0'), Noisy('item1')])
x.attr = Noisy('attr')
w = weakref.ref(x, lambda r: print('callback'))
del x
print('---')
d = D(k1=Noisy('v1'), k2=Noisy('v2'))
d.attr = Noisy('dattr')
del d
print('---')

class Holder(list):
    def __init__(self, name):
        list.__init__(self)
        self.name = name
    def __del__(self):
        print('del holder', self.name, len(self))

a = Holder('a')
b = Holder('b')
a.append(b)
b.peer = a
del a, b
print('collected', gc.collect())

item = Noisy('shared')
base = sys.getrefcount(item)
l = L()
l.append(item)
l.extend([item, item])
l.attr = item
print(sys.getrefcount(item) - base, len(l), sys.getrefcount(l))
l.clear()
print(sys.getrefcount(item) - base)
del l
print(sys.getrefcount(item) - base)
del item

count = gc.get_count()[0]
keep = [L() for _ in range(3)] + [D() for _ in range(3)]
print(gc.get_count()[0] - count)
print([gc.is_tracked(o) for o in keep[2:4]], gc.is_tracked({}), gc.is_tracked([]))
t0 = sys.getrefcount(L)
more = [L(), L()]
print(sys.getrefcount(L) - t0)
del more
print(sys.getrefcount(L) - t0)
print(sys.getsizeof(L()), sys.getsizeof(L([1, 2, 3])), sys.getsizeof(D()), sys.getsizeof(D(a=1)))
