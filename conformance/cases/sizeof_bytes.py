# bytes and bytearray sizes.
import sys
print(sys.getsizeof(b""))
print(sys.getsizeof(b"a"))
print(sys.getsizeof(b"abcdefghij"))
print(sys.getsizeof(bytes(100)))
print(sys.getsizeof(bytearray()))
print(sys.getsizeof(bytearray(b"abc")))
