# Young collections count tuples they untrack: a tuple of ints is no longer tracked.
import gc
gc.collect()
tuples = [tuple([i, i + 1]) for i in range(5)]
print(sum(gc.is_tracked(t) for t in tuples))
gc.collect(0)
print(sum(gc.is_tracked(t) for t in tuples))
