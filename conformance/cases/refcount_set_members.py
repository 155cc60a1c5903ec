# A set holds one reference per distinct member.
import sys
t = (1, "x", None)
u = tuple([1, "x", None])
base = sys.getrefcount(t)
s = {t}
print(sys.getrefcount(t) - base)
s.add(u)
print(len(s), sys.getrefcount(t) - base)
s.discard(t)
print(len(s), sys.getrefcount(t) - base)
