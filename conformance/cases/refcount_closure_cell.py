# A closure keeps the captured object alive through a cell.
import sys
def make_counter():
    data = []
    def add(v):
        data.append(v)
        return len(data)
    return add, data
add, data = make_counter()
print(sys.getrefcount(data))
print(add(1), add(2))
print(add.__closure__[0].cell_contents is data)
del add
print(sys.getrefcount(data))
