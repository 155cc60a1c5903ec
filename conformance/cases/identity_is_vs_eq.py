# `is` tests identity, `==` equality.
a = [1, 2]
b = [1, 2]
print(a == b, a is b)
c = a
print(c == a, c is a)
class AlwaysEqual:
    def __eq__(self, other):
        return True
e = AlwaysEqual()
one = 1
print(e == one, e is one)
print(None is None, None == None)
nan = float("nan")
print(nan == nan, nan is nan, [nan] == [nan])
