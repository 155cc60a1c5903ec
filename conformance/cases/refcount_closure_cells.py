# Closures share cells: each inner function's __closure__ holds the cell, the cell holds the value.
import sys
def outer():
    x = [1]
    def a():
        return x
    def b():
        return x
    return a, b
a, b = outer()
print(a.__closure__[0] is b.__closure__[0])
cell = a.__closure__[0]
print("cell rc", sys.getrefcount(cell))
v = cell.cell_contents
print("value rc", sys.getrefcount(v))
del a
print("cell rc", sys.getrefcount(cell))
del b
print("cell rc", sys.getrefcount(cell), "value rc", sys.getrefcount(v))
