# list methods with keyword arguments, slicing and slice assignment, and sys.getsizeof as the list grows and shrinks.
import gc
import sys
l = [3, 1, 2]
l.sort(key=lambda x: -x, reverse=True)
print(l, sys.getsizeof(l))
l.extend(range(5)); print(len(l), sys.getsizeof(l))
l.insert(0, 9); print(l.index(9), l.count(1), l.pop(), l.pop(0))
l.remove(1); l.reverse(); print(l)
c = l.copy(); print(c == l, c is l, sys.getrefcount(c))
print(l * 2, l + [1], [0] * 3, sorted(l, reverse=True))
del l[1:3]; print(l, l[::2])
l[1:1] = [7, 8]; print(l, sys.getsizeof(l))
l.clear(); print(l, sys.getsizeof(l))
print(list(reversed([1, 2, 3])), list(enumerate("ab", start=1)))
