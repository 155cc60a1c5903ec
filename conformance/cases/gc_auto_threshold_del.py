# With a small threshold, automatic collections interleave with the program's output.
import gc
class Cyc:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        print("  collected", self.n)
gc.collect()
gc.set_threshold(5, 1000, 1000)
for i in range(6):
    print("make", i)
    Cyc(i)
gc.set_threshold(700, 10, 10)
gc.collect()
print("end")
