# bytes subscripts: an index is an int, a slice a new bytes, except the whole
# bytes forwards, which is the object itself (bytes_subscript).
import sys
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[100:], b[:0] == b"")
whole = b[:]
print(whole is b, b[0:len(b)] is b, b[::1] is b, b[::-1] is b)
before = sys.getrefcount(b)
alias = b[:]
print(sys.getrefcount(b) - before)
try:
    b[20]
except IndexError as e:
    print("IndexError", e)
once = b * 1
print(once is b, b * 0 == b"", len(b * 3), (b"ab" * 2) + b"!", 2 * b"xy")
