# Fixed-size objects: float, None, bool, complex.
import sys
print(sys.getsizeof(1.0))
print(sys.getsizeof(1e300))
print(sys.getsizeof(None))
print(sys.getsizeof(True))
print(sys.getsizeof(1j))
print(sys.getsizeof(...))
