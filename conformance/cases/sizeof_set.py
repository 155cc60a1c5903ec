# set sizes: a hash table of 8 slots to start, growing 4x while small.
import sys
s = set()
print("empty", sys.getsizeof(s))
last = sys.getsizeof(s)
for i in range(100):
    s.add(i)
    n = sys.getsizeof(s)
    if n != last:
        print(len(s), n)
        last = n
print("frozenset", sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))))
