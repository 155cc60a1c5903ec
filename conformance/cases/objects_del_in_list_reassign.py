# Replacing list items and slices releases the old items immediately.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [Noisy(0), Noisy(1), Noisy(2), Noisy(3)]
lst[0] = None
print("replaced 0")
lst[1:3] = []
print("cleared slice")
lst.pop()
print("popped")
