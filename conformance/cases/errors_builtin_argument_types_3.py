# print() checks sep and end and writes through file.write; getattr & co. need a str name; bytes() and pow() convert their arguments as CPython does.
import sys

class Writer:
    def write(self, s):
        sys.stdout.write('[' + s + ']')

    def flush(self):
        sys.stdout.write('<flush>')

class C:
    pass

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

for kw in ({'sep': 1}, {'end': b'x'}, {'sep': None, 'end': None}, {'file': 1}, {'file': C()}, {'file': None}, {'sep': [], 'file': 1}):
    attempt(print, 'a', 'b', **kw)
attempt(print, 'a', 'b', sep='-', end='!\n', file=Writer(), flush=True)
attempt(print, file=Writer())
for f, args in ((getattr, (1, None)), (getattr, (1, 2, 3)), (hasattr, (1, b'x')), (setattr, (C(), 1, 2)), (delattr, (C(), None))):
    attempt(f, *args)
for args in ((-1,), (None,), (1.5,), (C(),), ((1, None),), ([1, 256],), ('x',), (3,), ([104, 105],)):
    attempt(bytes, *args)
    attempt(bytearray, *args)
for args in ((None,), (b'00',), ('0g',), ('61 62',)):
    attempt(bytes.fromhex, *args)
attempt(pow, 2, 10)
attempt(pow, 2, 10, None)
attempt(pow, 2, 10, 1.5)
attempt(pow, 2, 10, 7)
if sys.version_info >= (3, 8):
    attempt(pow, base=2, exp=10)
    attempt(pow, 2, exp=None)
    attempt(pow, base=2, exp=3, mod=5)
