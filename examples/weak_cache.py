# A cache that does not keep objects alive: WeakValueDictionary and weakref callbacks.
import gc
import weakref


class Image:
    def __init__(self, key):
        self.key = key


cache = weakref.WeakValueDictionary()


def load(key):
    img = cache.get(key)
    if img is None:
        print("  loading", key)
        img = Image(key)
        cache[key] = img
    return img


first = load("logo")
again = load("logo")
print("served from cache:", first is again)
print("cached keys:", sorted(cache))
del first, again
print("after the last user lets go:", sorted(cache))

reports = []
banner = load("banner")
watch = weakref.ref(banner, lambda r: reports.append("banner freed"))
banner.self = banner  # a cycle: only the collector can free it now
del banner
print("in a cycle, still cached:", sorted(cache))
gc.collect()
print("after gc.collect():", sorted(cache), reports)
