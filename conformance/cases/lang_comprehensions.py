# List, dict, set comprehensions and generator expressions: results and temporaries.
import sys
squares = [i * i for i in range(6)]
evens = {i: i % 2 == 0 for i in range(4)}
chars = {c for c in "banana"}
total = sum(i for i in range(101))
print(squares, evens, sorted(chars), total)
print(sys.getrefcount(squares))
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
