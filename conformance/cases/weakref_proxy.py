# A proxy forwards attribute access; after the referent dies it raises ReferenceError.
import weakref
class A:
    def __init__(self):
        self.value = 42
    def hello(self):
        return "hello"
a = A()
p = weakref.proxy(a)
print(p.value, p.hello())
print(type(p).__name__)
del a
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
