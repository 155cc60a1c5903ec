# WeakValueDictionary entries vanish when their values die.
import weakref
class Item:
    def __init__(self, n):
        self.n = n
cache = weakref.WeakValueDictionary()
a = Item(1)
b = Item(2)
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()))
del a
print(sorted(cache.keys()))
print(cache.get("a"), cache["b"].n)
del b
print(len(cache))
