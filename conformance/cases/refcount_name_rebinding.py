# Rebinding module names: the old value is released at each store, including when
# its finalizer deletes or rebinds the name, or adds names until the dict resizes.
import sys


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag, "x is", type(globals().get("x")).__name__)
        if self.tag == "deleter":
            del globals()["x"]
        if self.tag == "grower":
            for i in range(40):
                globals()["g%d" % i] = i


for i in range(3):
    x = Noisy(i)
    print("rc", sys.getrefcount(x))
x = Noisy("deleter")
x = Noisy("after-delete")
print("x" in globals())
x = Noisy("grower")
x = 5
print(x, g39, sys.getrefcount(x) > 1)
for j in range(3):
    x = [j]
    del x
    x = (j,)
print(x)
