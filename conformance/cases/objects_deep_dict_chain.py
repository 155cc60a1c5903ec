# A deep chain of dict-holding instances is freed without overflowing the C stack.
class Node:
    def __init__(self, nxt):
        self.next = nxt
head = None
for i in range(50000):
    head = Node(head)
print("built")
head = None
print("freed")
t = ()
for i in range(50000):
    t = (t,)
del t
print("tuples freed")
