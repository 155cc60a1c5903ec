# sys.getsizeof of ints grows by one 30-bit digit at a time.
import sys
for v in [0, 1, -1, 255, 2**30 - 1, 2**30, 2**60 - 1, 2**60, 2**90, 10**100, -(2**64)]:
    print(sys.getsizeof(v))
print(sys.getsizeof(True), sys.getsizeof(False))
