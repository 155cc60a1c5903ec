# Storing an object as an attribute adds a reference from the instance.
import sys
class Box:
    pass
payload = [1]
base = sys.getrefcount(payload)
b = Box()
b.item = payload
print(sys.getrefcount(payload) - base)
b.other = payload
print(sys.getrefcount(payload) - base)
del b.item
print(sys.getrefcount(payload) - base)
del b
print(sys.getrefcount(payload) - base)
