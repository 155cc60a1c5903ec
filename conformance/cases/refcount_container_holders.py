# sys.getrefcount of one object as containers, iterators, enumerate/zip/reversed/sorted results take and drop references to it.
import gc
import sys
x = object()
print(sys.getrefcount(x))
l = [x, x]; print(sys.getrefcount(x))
t = (x,); print(sys.getrefcount(x))
d = {"k": x}; print(sys.getrefcount(x))
d2 = {x: 1}; print(sys.getrefcount(x))
s = {x}; print(sys.getrefcount(x))
del l, t; print(sys.getrefcount(x))
it = iter([x]); print(sys.getrefcount(x))
e = list(enumerate([x])); print(sys.getrefcount(x))
z = list(zip([x], [x])); print(sys.getrefcount(x))
r = list(reversed([x])); print(sys.getrefcount(x))
m = sorted([x, x], key=id); print(sys.getrefcount(x))
del d, d2, s, it, e, z, r, m; print(sys.getrefcount(x))
