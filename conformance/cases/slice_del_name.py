# del removes a name, not the object: the object lives while another reference exists.
import sys
a = [0]
b = a
del a
print(b)
print(sys.getrefcount(b))
print("a" in dir())
