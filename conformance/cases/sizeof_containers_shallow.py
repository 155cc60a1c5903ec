# getsizeof is shallow: a list of big strings is as small as a list of small ints.
import sys
a = [1, 2, 3]
b = ["x" * 10000, "y" * 10000, "z" * 10000]
print(sys.getsizeof(a) == sys.getsizeof(b))
c = [a, b]
print(sys.getsizeof(c))
total = sys.getsizeof(b) + sum(sys.getsizeof(s) for s in b)
print(total)
