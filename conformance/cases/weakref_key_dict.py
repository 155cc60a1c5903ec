# WeakKeyDictionary entries vanish when their keys die.
import weakref
class Key:
    pass
meta = weakref.WeakKeyDictionary()
k1 = Key()
k2 = Key()
meta[k1] = "one"
meta[k2] = "two"
print(len(meta), meta[k1])
del k1
print(len(meta))
print(sorted(meta.values()))
del k2
print(len(meta))
