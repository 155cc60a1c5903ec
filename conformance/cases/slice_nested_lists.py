# Nested lists: the inner list is referenced by the outer one and by its own name.
import sys
inner = [1, 2]
outer = [inner, [inner]]
print(sys.getrefcount(inner))
print(outer[1][0] is inner)
del outer
print(sys.getrefcount(inner))
