# __del__ runs exactly when the last reference goes.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = Tracked("a")
b = a
print("drop a")
del a
print("drop b")
del b
print("rebind")
c = Tracked("c")
c = Tracked("d")
print("end")
