# An AttributeError on an instance without that attribute.
class A:
    pass
a = A()
a.x = 1
print(a.x)
print(a.y)
