# Rebinding a name drops its reference to the old object.
import sys
a = [1]
b = a
print(sys.getrefcount(b))
a = [2]
print(sys.getrefcount(b))
a = b
print(sys.getrefcount(b))
a = None
print(sys.getrefcount(b))
