# Instance dicts of one class share their keys table (key-sharing dicts).
import sys
class P:
    def __init__(self, i):
        self.x = i
        self.y = i
        self.z = i
a = P(1)
b = P(2)
print(sys.getsizeof(a.__dict__) == sys.getsizeof(b.__dict__))
print(sys.getsizeof(a.__dict__))
print(sys.getsizeof(dict(a.__dict__)))
b.w = 4
print(sys.getsizeof(b.__dict__))
