# test_gc.test_collect_generations: a survivor trickles into generation N+1 after collect(N).
import gc
gc.collect()
x = []
gc.collect(0)
a, b, c = gc.get_count()
gc.collect(1)
d, e, f = gc.get_count()
gc.collect(2)
g, h, i = gc.get_count()
print((b, c), (e, f), (h, i))
