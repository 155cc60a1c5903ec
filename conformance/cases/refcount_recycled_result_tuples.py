# zip, enumerate and dict.items() iterators recycle their result tuple when
# nobody else holds it (zip_next, enum_next, dictiter_iternextitem), so the
# last item stays referenced by the iterator; 3.8+ tracks the tuple again.
import gc, sys
a = [1]
z = zip([a], [a], [a])
base = sys.getrefcount(a)
t = next(z)
print("zip result holds", sys.getrefcount(a) - base)
del t
print("after del, the iterator still holds", sys.getrefcount(a) - base)
z2 = zip([1, 2, 3], [4, 5, 6])
t = next(z2)
first = id(t)
del t
gc.collect()
t = next(z2)
print("same tuple again:", id(t) == first, t, "tracked:", gc.is_tracked(t))
kept = next(z2)
print("kept tuple is a new one:", id(kept) != first)
e = enumerate("abc")
x = next(e)
del x
gc.collect()
x = next(e)
print("enumerate:", x, gc.is_tracked(x))
d = {1: [2], 3: [4]}
it = iter(d.items())
x = next(it)
del x
gc.collect()
x = next(it)
print("items:", x, gc.is_tracked(x))
for k, v in d.items():
    pass
print("loop variables keep", sys.getrefcount(d[3]) - 2)
del z, e, it
m = map(len, ["ab", "c"])
print(list(m))
