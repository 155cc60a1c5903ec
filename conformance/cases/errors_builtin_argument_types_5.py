# int(x, base) converts and range-checks the base before it looks at x; str.encode and bytes.decode take str encoding and errors, named by position up to 3.7 and by keyword from 3.8.
class Index:
    def __index__(self):
        return 16

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

for base in (None, 1.5, 'x', 1, 37, 0, Index()):
    attempt(int, 'ff', base)
    attempt(int, 1.5, base)
attempt(int, base=10)
attempt(int, 'z', 36)
attempt(int, b'11', 2)
for args, kw in (((None,), {}), (('utf-8', 1.5), {}), (('utf-8',), {'errors': None}), ((), {'encoding': b'x'})):
    attempt('ab'.encode, *args, **kw)
    attempt(b'ab'.decode, *args, **kw)
