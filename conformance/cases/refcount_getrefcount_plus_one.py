# Why sys.getrefcount reads one more: the argument itself is a temporary reference.
import sys
a = []
print(sys.getrefcount(a))
def count(obj):
    return sys.getrefcount(obj)
print(count(a))
lst = [a]
print(sys.getrefcount(lst[0]))
print(sys.getrefcount([]))
