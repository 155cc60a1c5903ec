# sys.getsizeof of built-in type objects (sizeof(PyTypeObject), no GC header) and of a class (PyHeapTypeObject).
import sys
print(sys.getsizeof(int), sys.getsizeof(type), sys.getsizeof(list) == sys.getsizeof(dict))
class A:
    pass
print(sys.getsizeof(A) > sys.getsizeof(int))
