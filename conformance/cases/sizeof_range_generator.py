# A range is constant size however long; a generator does not hold its values.
import sys
print(sys.getsizeof(range(0)))
print(sys.getsizeof(range(10)))
print(sys.getsizeof(range(10**9)))
def gen():
    yield 1
print(sys.getsizeof(gen()))
print(sys.getsizeof(x for x in range(10)))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(3))))
