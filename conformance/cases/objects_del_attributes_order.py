# An instance's attributes are released after its own __del__ runs.
class Noisy:
    def __init__(self, n, child=None):
        self.n = n
        self.child = child
    def __del__(self):
        print("del", self.n)
root = Noisy("root", Noisy("child", Noisy("grandchild")))
print("drop root")
root = None
print("done")
