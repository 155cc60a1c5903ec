# Objects still referenced by globals at exit are finalized during interpreter shutdown.
class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = Noisy("global a")
b = Noisy("global b")
print("end of program")
