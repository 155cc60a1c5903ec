# sys.getsizeof(o) calls o.__sizeof__ through a bound method made for the call; up to 3.8 it goes to the free list, which a full collection empties.
import gc, sys

def f():
    pass

class Sized:
    def __sizeof__(self):
        return 1000

gc.collect()
before = gc.get_count()
print("size", sys.getsizeof(f))
print("count", gc.get_count()[0] - before[0])
before = gc.get_count()
print("size", sys.getsizeof(f))
print("count", gc.get_count()[0] - before[0])
s = Sized()
print("own __sizeof__", sys.getsizeof(s))
gc.collect()
before = gc.get_count()
d = {"a": 1}
d.update({"b": 2})
print("update(dict)", gc.get_count()[0] - before[0])
