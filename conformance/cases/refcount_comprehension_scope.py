# A comprehension's loop variable does not leak; its references are gone afterwards.
import sys
x = []
base = sys.getrefcount(x)
pairs = [(x, i) for i in range(3)]
print(sys.getrefcount(x) - base)
print("i" in dir())
pairs = None
print(sys.getrefcount(x) - base)
