# str size depends on the widest character: ascii, latin-1, BMP, astral.
import sys
print(sys.getsizeof(""))
print(sys.getsizeof("a"))
print(sys.getsizeof("abcdefghij"))
print(sys.getsizeof("é"))
print(sys.getsizeof("éééééééééé"))
print(sys.getsizeof("α"))
print(sys.getsizeof("αβγδεζηθικ"))
print(sys.getsizeof("😀"))
print(sys.getsizeof("😀😀😀😀😀😀😀😀😀😀"))
print(sys.getsizeof("a" * 1000))
