# str methods called with too few or too many arguments or an unknown keyword raise CPython's TypeError.
def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        print('ok')
    except TypeError as e:
        print(e)

s = 'abc'
for m in (s.capitalize, s.casefold, s.isalnum, s.isalpha, s.isdecimal, s.isdigit, s.isidentifier, s.islower, s.isnumeric,
          s.isprintable, s.isspace, s.istitle, s.isupper, s.lower, s.swapcase, s.title, s.upper):
    attempt(m, 1)
    attempt(m, zz=1)
for m in (s.join, s.partition, s.rpartition, s.translate, s.format_map, s.zfill, s.__format__):
    attempt(m)
    attempt(m, 1, 2)
    attempt(m, zz=1)
for m, few, many in ((s.center, 0, 3), (s.ljust, 0, 3), (s.rjust, 0, 3), (s.count, 0, 4), (s.find, 0, 4), (s.rfind, 0, 4),
                     (s.index, 0, 4), (s.rindex, 0, 4), (s.startswith, 0, 4), (s.endswith, 0, 4), (s.strip, -1, 2),
                     (s.lstrip, -1, 2), (s.rstrip, -1, 2), (s.replace, 1, 4), (s.split, -1, 3), (s.rsplit, -1, 3),
                     (s.splitlines, -1, 2), (s.expandtabs, -1, 2), (s.encode, -1, 3), (str.maketrans, 0, 4)):
    if few >= 0:
        attempt(m, *['a'] * few)
    attempt(m, *['a'] * many)
    attempt(m, zz=1)
attempt(s.center, 5, 0)
attempt(s.center, 5, 'xy')
attempt(s.split, sep='b', maxsplit=1)
