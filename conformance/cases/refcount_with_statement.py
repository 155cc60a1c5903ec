# A context manager's __exit__ runs before the with statement's references are dropped.
import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit", exc[0] is None)
        return False
c = CM()
base = sys.getrefcount(c)
with c as same:
    print(same is c, sys.getrefcount(c) - base)
print(sys.getrefcount(c) - base)
