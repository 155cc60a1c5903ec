# set and frozenset operators and methods (union, intersection, difference, symmetric_difference, issubset, issuperset, isdisjoint), in-place operators, sizes.
import gc
import sys
a = {1, 2, 3}; b = {3, 4}
print(a | b, a & b, a - b, a ^ b, a <= b, a >= {1}, a.isdisjoint(b))
print(a.union(b, [9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4}), a.issuperset({1}), sys.getsizeof(a), sys.getsizeof(set()))
f = frozenset([1, 2]); print(f, hash(f) == hash(frozenset([2, 1])), f | {3}, type(f | {3}).__name__)
c = a.copy(); c.add(5); c.discard(1); c.remove(2); print(c, c.pop() in {3, 4, 5})
a |= {7}; a &= {1, 7}; a -= {1}; print(a)
s = set(range(10)); print(len(s), sys.getsizeof(s))
e = frozenset(); print(e is frozenset(), sys.getsizeof(e))
print({x % 3 for x in range(10)}, set("abc") == set("cba"))
