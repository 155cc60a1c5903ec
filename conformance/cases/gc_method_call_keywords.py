# Up to 3.10 a method call with keyword arguments loads a bound method first (no LOAD_METHOD); from 3.9 that object counts for the collector.
import gc
d = {"a": 1}
v = [1]
gc.collect()
c0 = gc.get_count()
d.update(z=v)
c1 = gc.get_count()
d.update(y=v)
c2 = gc.get_count()
print(c0, c1, c2)
