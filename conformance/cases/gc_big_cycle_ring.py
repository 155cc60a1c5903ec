# A ring of 1000 instances collected in one gc.collect().
import gc
class Node:
    __slots__ = ("next",)
gc.collect()
first = Node()
cur = first
for i in range(999):
    n = Node()
    cur.next = n
    cur = n
cur.next = first
del first, cur, n
print(gc.collect())
