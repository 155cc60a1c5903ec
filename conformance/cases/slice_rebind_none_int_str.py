# A name rebound from None to 10 to "10": the name points at a new object each time.
import sys
x = None
print(type(x))
print(x is None)
x = 10
print(type(x))
print(x == 10)
first = id(x)
x = "10"
print(type(x))
print(id(x) == first)
print(x == "10")
