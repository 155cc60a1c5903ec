# tuple and bytes methods, slicing and the tuple/bytes singletons and sizes.
import gc
import sys
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t[::-1], t + (4,), t * 2, sys.getsizeof(t), sys.getsizeof(()))
print(tuple([1, 2]) == (1, 2), tuple(t) is t, tuple() is tuple())
b = b"hello"
print(b[1], b[1:3], b.upper(), b.decode(), b.split(b"l"), b.hex(), sys.getsizeof(b), len(b))
print(bytes(3), bytes([65, 66]), b"a" * 3, b.find(b"l"), b.startswith(b"he"), b.replace(b"l", b"L"))
print(bytes.fromhex("4142"), b + b"!", list(b"ab"), b"x" in b"xyz", b.count(b"l"))
ba = bytearray(b"abc"); print(ba, len(ba), sys.getsizeof(ba))
print("é".encode(), "abc".encode("ascii"), bytes("hi", "utf-8"))
