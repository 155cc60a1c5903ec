# WeakKeyDictionary and WeakSet drop entries whose keys die; a cycle keeps them until collected.
import gc, weakref
class K:
    pass
gc.collect()
d = weakref.WeakKeyDictionary()
s = weakref.WeakSet()
k1, k2 = K(), K()
d[k1] = "one"
d[k2] = "two"
s.add(k1)
s.add(k2)
print(len(d), len(s))
del k1
print(len(d), len(s))
k2.me = k2
del k2
print(len(d), len(s))
print("collect", gc.collect())
print(len(d), len(s))
