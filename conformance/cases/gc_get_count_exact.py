# gc.get_count() after a full collection and a known number of new lists.
import gc
gc.disable()
gc.collect()
start = gc.get_count()
lists = [[] for _ in range(10)]
after = gc.get_count()
print(after[0] - start[0], after[1:])
del lists
freed = gc.get_count()
print(freed[0] - start[0])
