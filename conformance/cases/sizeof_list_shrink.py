# Popping shrinks a list's allocation once it is less than half full.
import sys
lst = list(range(100))
lst.append(100)
print(len(lst), sys.getsizeof(lst))
while len(lst) > 0:
    before = sys.getsizeof(lst)
    lst.pop()
    after = sys.getsizeof(lst)
    if after != before:
        print(len(lst), after)
