# Attribute names are interned: the key of an instance dict is the identifier string itself.
import sys
class A:
    pass
a = A()
a.some_attribute = 1
name = "".join(["some_", "attribute"])
key = list(a.__dict__)[0]
print(key == name, key is name)
print(key is sys.intern(name))
lit = "some_attribute"
print(key is lit)
