# gc.collect() starts no automatic collection inside itself: the __del__ methods it runs allocate past the threshold, and only after it returns does the next allocation collect (gc_collect_impl sets `collecting`).
import gc
class Node:
    def __del__(self):
        junk = [[] for _ in range(5)]
gc.collect()
for i in range(10):
    n = Node()
    n.me = n
del n
log = []
def record(phase, info):
    log.append((phase, info["generation"]))
gc.set_threshold(1, 1000, 1000)
gc.callbacks.append(record)
found = gc.collect()
gc.callbacks.remove(record)
gc.set_threshold(700, 10, 10)
print(found, log[:2])
print(len(log) >= 2, log[2:4])
