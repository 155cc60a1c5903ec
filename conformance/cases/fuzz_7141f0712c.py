# fuzz seed 105501, shrunk: pymem 3.11 differs in "stdout: <blank> / countdel"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
gc.set_threshold(5, 1, 1)
v0 = (None, [])
v2 = Node("n1")
v2.other = v2
v3 = {1, 2, 3}
v2 = None
v4 = Node("n6")
v5 = Node("n7")
v9 = [1, 2, 3]
for i in range(6):
    t12 = [i]
    t12.append(t12)
print("count", gc.get_count())
