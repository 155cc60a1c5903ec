# The everyday built-ins: abs, divmod, pow, min/max with key/default, sum, map/filter/zip, isinstance, hash, chr/ord, range, iter/next, sorted/reversed, repr/ascii.
import gc
import sys
print(abs(-3), abs(-2.5), divmod(7, 2), divmod(-7, 2), pow(2, 10), pow(2, 10, 7), min(3, 1, 2), max("abc"))
print(sum([1, 2, 3]), sum([0.1] * 3), sum([[1], [2]], []), min([], default=0), max([1, 3], key=lambda v: -v))
print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(zip("ab", "cd", "ef")))
print(callable(len), callable(1), isinstance(1, (str, int)), issubclass(bool, int), type(1) is int)
print(hash(1) == hash(1.0), hash("a") == hash("a"), id(1) == id(1), chr(97), ord("a"), hex(255), oct(8), bin(5))
print(any([0, 1]), all([]), len(range(10)), list(range(10, 0, -3)), range(5)[2], 3 in range(5))
it = iter([1, 2]); print(next(it), next(it), next(it, "done"))
print(sorted("bca"), sorted([3, 1], reverse=True), list(reversed(range(3))))
print(repr("a'b"), ascii("é"), str(b"x"), repr([1, "a", None]), repr({1: (2,)}))
o = object(); print(type(o).__name__, sys.getsizeof(o), hasattr(o, "x"))
