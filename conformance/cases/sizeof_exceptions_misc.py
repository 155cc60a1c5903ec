# Exceptions, slices, weakrefs and the object() base.
import sys, weakref
class A:
    pass
a = A()
print(sys.getsizeof(ValueError("x")))
print(sys.getsizeof(slice(1, 2)))
print(sys.getsizeof(weakref.ref(a)))
print(sys.getsizeof(object()))
print(sys.getsizeof(NotImplemented))
