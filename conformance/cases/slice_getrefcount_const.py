# x = 1000 at module level: sys.getrefcount reads 4 (name, co_consts, argument, AST arena).
import sys
x = 1000
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
