# Tuples and dicts release their items when they go: the order __del__ runs in.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
t = (Noisy("t0"), Noisy("t1"), Noisy("t2"))
print("del tuple")
del t
d = {"a": Noisy("d-a"), "b": Noisy("d-b"), "c": Noisy("d-c")}
print("del dict")
del d
print("done")
