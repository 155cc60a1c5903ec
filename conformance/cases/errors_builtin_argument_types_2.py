# str's find-like methods, strip and startswith convert their arguments as CPython does: sub must be a str, start/end are slice indices (None or __index__), chars None or a str.
class Index:
    def __index__(self):
        return 1

class C:
    pass

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

for name in ('count', 'find', 'rfind', 'index', 'rindex'):
    m = getattr('abcab', name)
    for args in ((None,), (0,), (b'a',), (C(),), ('b', None), ('b', Index()), ('b', 1.5), ('b', 'x'), ('b', None, -1), ('b', 0, []), (None, 1.5), ([], None, 'x')):
        attempt(m, *args)
for name in ('startswith', 'endswith'):
    m = getattr('abcab', name)
    for args in ((None,), (0,), (b'a',), (('a', 1),), ((1, 'a'),), (('x', 'b'), 1), ('b', Index()), ('b', 1.5), ('', 6), ('b', 0, C()), (None, 1.5)):
        attempt(m, *args)
for name in ('strip', 'lstrip', 'rstrip'):
    m = getattr(' xab ', name)
    for args in ((None,), (0,), (b'x',), (['x'],), (' x',)):
        attempt(m, *args)
attempt(str.count, 1, 'a')
attempt(str.startswith, None, 'a')
