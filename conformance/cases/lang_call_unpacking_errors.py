# The errors of bad `*` and `**` arguments name the callee as each version does.
def f(*a, **k): pass
class C:
    def m(self, *a, **k): pass
for thunk in (lambda: f(*1), lambda: f(**1), lambda: f(**{'a': 1}, a=2),
              lambda: f(**{'a': 1}, **{'a': 2}), lambda: C().m(*1), lambda: len(*1),
              lambda: f(1, *2), lambda: f(a=1, **{'a': 3}), lambda: print(*1), lambda: [*1]):
    try:
        thunk()
    except TypeError as e:
        print(e)
print(*(x for x in 'ab'))
print(*range(3), sep='-')
