# Every instance holds a reference to its class.
import sys
class K:
    pass
base = sys.getrefcount(K)
objs = [K(), K(), K()]
print(sys.getrefcount(K) - base)
del objs[0]
print(sys.getrefcount(K) - base)
objs.clear()
print(sys.getrefcount(K) - base)
