# list, dict, set, tuple, int, float and bytes methods called with the wrong arguments raise CPython's TypeError.
def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        print('ok')
    except TypeError as e:
        print(e)

l, d, st, t, b = [3, 1], {1: 2}, {1}, (1, 2), b'ab'
for m in (l.append, l.count, l.extend, l.remove, st.add, st.discard, st.remove, t.count, b.join, bytes.fromhex):
    attempt(m)
    attempt(m, 1, 2)
    attempt(m, 1, zz=1)
for m in (l.clear, l.copy, l.reverse, d.clear, d.copy, d.items, d.keys, d.values, d.popitem, st.clear, st.pop,
          (5).bit_length, (1.5).is_integer, b.lower, b.upper):
    attempt(m, 1)
    attempt(m, zz=1)
for m, few, many in ((l.index, 0, 4), (l.insert, 1, 3), (l.pop, -1, 2), (d.get, 0, 3), (d.pop, 0, 3), (d.setdefault, 0, 3),
                     (dict.fromkeys, 0, 3), (d.update, -1, 2), (t.index, 0, 4), ((5).__round__, -1, 2), ((1.5).__round__, -1, 2),
                     (b.count, 0, 4), (b.replace, 1, 4), (b.split, -1, 3), (b.strip, -1, 2), (b.decode, -1, 3)):
    if few >= 0:
        attempt(m, *[1] * few)
    attempt(m, *[1] * many)
    attempt(m, zz=1)
attempt(l.sort, 1)
attempt(l.sort, zz=1)
attempt(st.update, zz=1)
attempt(d.update, zz=1)
print(d)
