# Empty tuple, empty str, empty frozenset and empty bytes are shared.
et = ()
es = ""
eb = b""
print(tuple() is et)
print(str() is es)
print("abc"[3:] is es)
print(bytes() is eb)
print(et is tuple([]))
print(list() is list())
print(dict() is dict())
print(frozenset() is frozenset())
