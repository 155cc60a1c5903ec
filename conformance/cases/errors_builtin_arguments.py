# Built-in functions called with too few or too many arguments or an unknown keyword raise CPython's TypeError.
def attempt(f, *args, **kw):
    try:
        f(*args, **kw)
        print('ok')
    except TypeError as e:
        print(e)

for f in (abs, all, any, ascii, bin, callable, chr, hash, hex, id, len, oct, ord, repr):
    attempt(f)
    attempt(f, 1, 2)
    attempt(f, 1, zz=1)
for f in (globals, locals):
    attempt(f, 1)
    attempt(f, zz=1)
for f, few, many in ((delattr, 1, 3), (divmod, 1, 3), (hasattr, 1, 3), (isinstance, 1, 3), (issubclass, 0, 3), (setattr, 2, 4),
                     (getattr, 1, 4), (iter, 0, 3), (next, 0, 3), (format, 0, 3), (pow, 1, 4), (round, 0, 3), (sum, 0, 3), (sorted, 0, 2)):
    attempt(f, *[1] * few)
    attempt(f, *[1] * many)
    attempt(f, [1], zz=1)
attempt(dir, 1, 2)
attempt(vars, 1, 2)
attempt(dir, zz=1)
attempt(round, ndigits=1)
attempt(sum, start=1)
attempt(sorted, [2, 1], zz=1)
attempt(sorted, [2, 1], key=None, reverse=True)
