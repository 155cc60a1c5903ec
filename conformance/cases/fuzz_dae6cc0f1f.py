# fuzz seed 105869, shrunk: pymem 3.6 differs in "stdout: count / count"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
    def __del__(self):
        pass
gc.collect()
for i in range(9):
    t1 = Node("l2")
    t1.ref = t1
gc.set_threshold(1, 3, 2)
v3 = list(range(5))
print("count", gc.get_count())
