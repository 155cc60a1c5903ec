# sys.getsizeof of iterator objects: the GC header's size per version; long range iterators.
import sys
def f(): return 1
objs = [filter(None, []), reversed([]), reversed((1,)), reversed(range(3)), iter(f, 1), reversed({}) if sys.version_info >= (3, 8) else None, iter(b""), iter(range(2**70)), iter("é"), iter("a"), reversed("ab"), iter((1,)), iter({1}), iter({}.values()), iter({}.items())]
print(" ".join("%s=%d" % (type(o).__name__, sys.getsizeof(o)) for o in objs if o is not None))
