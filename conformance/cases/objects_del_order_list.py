# A list releases its items in order when it is deallocated; each __del__ prints.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [Noisy(i) for i in range(5)]
print("deleting list")
del lst
print("done")
