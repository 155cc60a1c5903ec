# Deleting a 100000-node linked list must not crash: the trashcan limits recursion.
class Node:
    __slots__ = ("next",)
    def __init__(self, nxt):
        self.next = nxt
head = None
for i in range(100000):
    head = Node(head)
print("built")
del head
print("freed")
nested = []
for i in range(100000):
    nested = [nested]
print("nested built")
del nested
print("nested freed")
