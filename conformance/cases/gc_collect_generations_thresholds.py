# gc.collect(n) collects generations 0..n; survivors move up one generation; the counts follow.
import gc
class N:
    pass
def cycles(n):
    for i in range(n):
        a = N()
        a.me = a
gc.collect()
gc.disable()
cycles(3)
print("count", gc.get_count())
print("gen0", gc.collect(0))
print("count", gc.get_count())
keep = [N() for i in range(2)]
cycles(2)
print("gen1", gc.collect(1))
print("count", gc.get_count())
cycles(4)
print("gen2", gc.collect(2))
print("count", gc.get_count())
gc.enable()
print("threshold", gc.get_threshold()[1:])
