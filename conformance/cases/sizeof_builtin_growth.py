# sys.getsizeof of the built-in objects, and of a list, dict and set as they grow item by item.
import gc
import sys
for o in (0, 1, 2**30, 2**64, -1, 1.5, "", "a", "abc", "é", "€", "😀", b"", b"ab", (), (1,), [], [1], {}, {1: 2}, set(), {1}, frozenset(), True, None, range(3), 1.0):
    print(type(o).__name__, sys.getsizeof(o))
l = []
sizes = []
for i in range(20):
    l.append(i); sizes.append(sys.getsizeof(l))
print(sizes)
d = {}
ds = []
for i in range(12):
    d[i] = i; ds.append(sys.getsizeof(d))
print(ds)
s = set()
ss = []
for i in range(20):
    s.add(i); ss.append(sys.getsizeof(s))
print(ss)
print(sys.getsizeof("a" * 100), sys.getsizeof(list(range(100))), sys.getsizeof(tuple(range(100))), sys.getsizeof([0] * 100))
