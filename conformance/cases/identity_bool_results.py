# Comparisons and bool() return the True/False singletons.
print((3 > 2) is True)
print(bool([]) is False)
print(bool([0]) is True)
zero = 0
print((not zero) is True)
one = 1
print(isinstance(True, int), True == one, True is one)
