# The parser's arena holds string and bytes literals while the main module runs; from 3.12 it holds a bytes literal twice.
import sys
one = b"hello world"
print("bytes", sys.getrefcount(one))
joined = b"ab" b"cd"
print("joined bytes", sys.getrefcount(joined))
three = b"ab" b"cd" b"ef"
print("three pieces", sys.getrefcount(three))
empty_first = b"" b"xy"
print("empty first", sys.getrefcount(empty_first))
empty_last = b"xyz" b""
print("empty last", sys.getrefcount(empty_last))
text = "hello world!"
print("str", sys.getrefcount(text))
text2 = "hello " "world?"
print("joined str", sys.getrefcount(text2))
ident = "abc" "def"
print("joined identifier", sys.getrefcount(ident))


def f():
    x = b"in a function"
    return sys.getrefcount(x)


print("function", f())
print("returned", sys.getrefcount(f.__code__.co_consts[1]))
same = b"hello world"
print("same literal twice", one is same, sys.getrefcount(one))
del one, same
print("after del", sys.getrefcount(b"hello world"))
t = (b"in", b"tuple!")
print("tuple item", sys.getrefcount(t[1]))
