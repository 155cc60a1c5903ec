# WeakValueDictionary as a cache: entries go when the last strong reference does, callbacks clean up.
import gc, weakref
class Item:
    def __init__(self, key):
        self.key = key
cache = weakref.WeakValueDictionary()
def get(key):
    v = cache.get(key)
    if v is None:
        v = Item(key)
        cache[key] = v
        print("made", key)
    return v
gc.collect()
a = get("a")
b = get("b")
a2 = get("a")
print(a is a2, len(cache))
del a, a2
print("after del a", sorted(cache.keys()))
c = Item("c")
c.self = c
cache["c"] = c
del c
print("cycle still", sorted(cache.keys()))
print("collect", gc.collect())
print("after collect", sorted(cache.keys()))
