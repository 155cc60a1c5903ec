# `is` with a literal: from 3.8 the compiler warns (check_compare), once per comparison, naming the literal's type from 3.12; None, True, False and ... are not literals.
x = 5
print(x is 5, x is not 5, () is (), "" is str(), x is -1, x is (1, 2), x is (1, [2]), x is None, x is True, 1 is x is "s")
def f(y):
    return y is 2.5 or y is b"b" or y is 2 + 3
print(f(1))
if x is "a" "b":
    pass
print(x is not ...)
exec("z = 1\nprint(z is 1)")
