# fuzz seed 20243, shrunk: pymem 3.12 differs in "stdout: count / count"
import gc, sys, weakref
class Node:
    def __init__(self, name):
        pass
gc.collect()
v3 = Node("n2")
print("count", gc.get_count())
