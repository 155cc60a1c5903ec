# Build a 1,000,000-node linked list of instances, then drop it at once:
# the deallocation cascade (CPython's trashcan) frees the whole chain.
SCALE = 1
N = int(1_000_000 * SCALE)


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next):
        self.value = value
        self.next = next


head = None
for i in range(N):
    head = Node(i, head)
print("@bench peak", N, flush=True)
print("@bench begin drop", flush=True)
head = None
print("@bench end drop", flush=True)
print("done")
