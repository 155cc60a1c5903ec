# A NaN is unordered: every comparison with it is False except !=; containers compare by identity first.
n = float("nan")
print(n != n, n == n, 1 != n, n != 1, 1 == n, n < 1, n >= 2**70, 2**70 != n, [n] == [n], n in [n], n is n)
print(1.5 < 2, 2**60 == float(2**60), 2**60+1 == float(2**60), 0.5 > 0)
