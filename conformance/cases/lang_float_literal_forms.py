# Every form of a float literal, including the ones that end in their dot.
x = 1.
print(x, 2. + 1, 1.e2, 1..real, 10_0., .5, 1e-3, 1_000.0, 1E10, 3.14_15, 0.0, 1e400)
print([1., 2.], {3.: 4.}, (5.,))
y = x if x else 5.
print(y, type(3.).__name__, 7.//2., 9. % 4)
