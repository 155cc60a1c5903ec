# Integer and slice-index arguments (Argument Clinic's Py_ssize_t and int converters, _PyEval_SliceIndexNotNone) and the operand checks of bytes.find & co., join, ord, vars, iter, divmod and pow.
class Index:
    def __index__(self):
        return 1

class C:
    pass

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

for w in (None, 1.5, 'x', Index(), -1):
    attempt([1, 2, 1].index, 1, w)
    attempt((1, 2, 1).index, 1, 0, w)
    attempt([1, 2].pop, w)
    attempt([1, 2].insert, w, 0)
    attempt('ab'.center, w)
    attempt('ab'.zfill, w)
    attempt('a\tb'.expandtabs, w)
    attempt('a,b,c'.split, ',', w)
    attempt('aaa'.replace, 'a', 'b', w)
for w in (None, 0, b'a', ['a']):
    attempt('a,b'.replace, w, 'x')
    attempt('a,b'.split, w)
    attempt('a,b'.partition, w)
    attempt(''.join, w)
    attempt(b''.join, w)
for w in (None, 97, 256, -1, 'a', b'b', Index()):
    attempt(b'abcab'.find, w)
    attempt(b'abcab'.count, w, 1)
    attempt(b'abcab'.startswith, w)
attempt(b'abcab'.rfind, b'b', None, 3)
attempt(b'abcab'.endswith, (b'x', b'ab'), 1.5)
for w in (None, 'ab', b'a', 'a'):
    attempt(ord, w)
attempt(vars, 1)
attempt(iter, 1, 2)
attempt(divmod, None, 'x')
attempt(divmod, 7, 2.0)
attempt(pow, None, 'x', 'y')
attempt(pow, 2, 3, 1.5)
