# String methods that change nothing may return the same object.
s = "abc".upper()
print(s.upper() is s)
print(s.strip() is s)
print(s[:] is s)
print(str(s) is s)
print(s.replace("X", "Y") is s)
print((s + "") is s)
