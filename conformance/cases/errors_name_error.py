# An uncaught NameError at module level.
import sys
x = [1, 2]
print(sys.getrefcount(x))
print(undefined_name)
