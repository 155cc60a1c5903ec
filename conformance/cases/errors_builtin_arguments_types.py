# Built-in type constructors called with the wrong arguments raise CPython's TypeError.
def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        print('ok')
    except TypeError as e:
        print(e)

for t in (float, bool, tuple, list, set, frozenset, dict, reversed, filter, classmethod, staticmethod):
    attempt(t, 1, 2, 3)
for t in (float, bool, tuple, list, set, frozenset, range, slice, reversed, filter, map):
    attempt(t, zz=1)
attempt(int, '1', 2, 3)
attempt(int, '1', zz=2)
attempt(str, 1, 2, 3, 4)
attempt(str, zz=1)
attempt(bytes, 1, 2, 3, 4)
attempt(range)
attempt(range, 1, 2, 3, 4)
attempt(slice)
attempt(reversed)
attempt(filter, None)
attempt(map, None)
attempt(enumerate)
attempt(enumerate, [], 0, 1)
attempt(enumerate, [], zz=1)
attempt(object, 1)
attempt(object, zz=1)
attempt(type)
attempt(type, 1, 2)
attempt(property, zz=1)
attempt(super, int, 1, 2)
