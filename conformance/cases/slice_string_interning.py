# Identifier-like string constants are interned; computed strings are not.
a = "hello"
b = "hel" + "lo"
print(a is b)
c = "".join(["hel", "lo"])
print(a == c, a is c)
d = "hello world"
e = "hello world"
print(d is e)
