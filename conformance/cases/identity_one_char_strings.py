# One-character latin-1 strings are cached singletons.
s = "hello"
h = "h"
print(s[0] is h)
print(s[1] is s[1])
t = "".join(["e"])
print(t is s[1])
u = chr(101)
e = "e"
print(u is e)
w = "ÿ"
print(chr(255) is w)
big = chr(0x3b1)
print(big is chr(0x3b1))
