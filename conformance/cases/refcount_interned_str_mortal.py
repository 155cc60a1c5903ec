# 3.13 interns a code's names immortal but its string constants, and sys.intern(),
# mortal: a constant's refcount moves (by one for a call's argument) unless the
# same string is also a name somewhere. 3.12 makes every interned string immortal;
# before 3.12 none is. Deltas only: interned strings are shared with start-up.
import sys
def moved(s):
    return sys.getrefcount(s) - delta_base(s)
def delta_base(s):
    return sys.getrefcount(s) - 1
a = "ab"
b = "xx" * 10
c = "nm_2"
d = sys.intern("zz" + str(len(a)))
e = "spam_name"
spam_name = 1
f = "hello world"
g = "q"
for s in (a, b, c, d, e, f, g):
    print(moved(s), s is sys.intern(s))
h = "ab"
print(h is a, sys.getrefcount(a) - sys.getrefcount(h))
