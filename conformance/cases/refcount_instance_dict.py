# An instance's attributes are values of its __dict__.
import sys
class P:
    def __init__(self, v):
        self.v = v
val = []
base = sys.getrefcount(val)
ps = [P(val) for _ in range(3)]
print(sys.getrefcount(val) - base)
ps.pop()
print(sys.getrefcount(val) - base)
ps[0].v = None
print(sys.getrefcount(val) - base)
del ps
print(sys.getrefcount(val) - base)
