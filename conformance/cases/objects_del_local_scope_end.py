# A local object is released when its function returns.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def work():
    a = Noisy("a")
    b = Noisy("b")
    print("returning")
    return 42
print(work())
def keep():
    c = Noisy("c")
    return c
kept = keep()
print("kept", kept.n)
del kept
print("done")
