# The empty string is a singleton; so are one-character latin-1 strings.
a = ""
b = str()
c = "abc"[0:0]
print(a is b, a is c)
d = "abc"[1]
e = "b"
print(d is e)
f = "x" * 0
print(f is a)
