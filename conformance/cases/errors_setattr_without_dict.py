# Setting an unknown attribute where there is no __dict__: 3.13 says so in the message.
class S:
    __slots__ = ('a',)
for o, n in [(S(), 'b'), (object(), 'x'), (1, 'x'), ("s", 'y'), ([], 'z'), ((1,), 'w'), (len, 'q')]:
    try:
        setattr(o, n, 1)
    except AttributeError as e:
        print(e)
