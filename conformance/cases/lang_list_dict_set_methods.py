# list, dict and set methods.
l = [3, 1, 2]
l.sort()
l.reverse()
print(l, l.index(2), l.count(3))
l.extend([4, 5])
l.insert(1, 9)
print(l, l.pop(), l.pop(0), l)
d = {"a": 1}
d.update({"b": 2})
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z", 0), d.pop("a"), d, d.setdefault("c", 3), d)
s = {1, 2, 3}
t = {2, 3, 4}
print(s | t, s & t, s - t, s ^ t)
s.add(5)
s.discard(1)
print(sorted(s), 2 in s, 1 in s)
