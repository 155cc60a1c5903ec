# Set iteration order follows each operation's table building in setobject.c:
# merges copy tables, intersections walk the smaller set, in-place & swaps tables.
words = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"]
a = set(words)
print(a)
print(set(a), frozenset(a))
d = dict.fromkeys(words)
print(set(d))
b = set(); b.update(a); print(b)
c = {"kiwi"} | a
print(c)
print(a | {"kiwi"})
print(set(words[:3]) | set(words[3:]))
x = set(words); x &= {"fig", "apple", "zzz", "date"}; print(x)
x = set(words); x -= {"fig"}; print(x)
x = set(words); x ^= {"fig", "zzz", "yyy"}; print(x)
x = set(words); x |= {"zzz", "yyy"}; print(x)
print(a & {"fig", "apple", "zzz", "date"}, {"fig", "apple"} & a)
print(a - {"fig"}, a ^ {"fig", "zzz"}, {"zzz"} ^ a, a - a, a ^ a)
f = frozenset(words); g = f; f |= {"zzz"}; print(f is g, type(f).__name__, f)
