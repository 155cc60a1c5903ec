# gc.get_stats returns per-generation counters of collections, collected and uncollectable.
import gc
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
before = gc.get_stats()[2]["collections"]
gc.collect()
after = gc.get_stats()[2]["collections"]
print(after - before)
before0 = gc.get_stats()[0]["collections"]
gc.collect(0)
print(gc.get_stats()[0]["collections"] - before0)
l = []
l.append(l)
del l
c0 = gc.get_stats()[2]["collected"]
gc.collect()
print(gc.get_stats()[2]["collected"] - c0)
