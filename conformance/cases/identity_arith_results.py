# Arithmetic results in the small-int range come from the cache.
a = 200
b = 56
top = 256
print((a + b) is top)
c = 200
d = 57
x = c + d
y = c + d
print(x is y, x == y)
hundred = 100
ten = 10
print((ten * ten) is hundred)
three = 3
print(len("abc") is three)
