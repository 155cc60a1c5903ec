# A for loop holds an iterator (and so its list) while it runs.
import sys
lst = [10, 20]
base = sys.getrefcount(lst)
for x in lst:
    print(x, sys.getrefcount(lst) - base)
print(sys.getrefcount(lst) - base)
