# A freed slice waits in a one-slot cache (slice_cache) for the next one: taking it does not count as a GC allocation; calling slice() packs its arguments.
import gc
a = [1, 2]; b = [3]
P = [None] * 20
P.clear()
slice(1, 2); slice(1, 2)
gc.collect()
P.append(gc.get_count()[0])
P.append(gc.get_count()[0])
a[:] = b
P.append(gc.get_count()[0])
y = a[1:]
P.append(gc.get_count()[0])
s1 = slice(1, 2)
P.append(gc.get_count()[0])
s2 = slice(1, 2)
P.append(gc.get_count()[0])
del s1, s2
P.append(gc.get_count()[0])
print(P, gc.is_tracked(slice(1, 2)))
