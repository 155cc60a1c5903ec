# gc.callbacks "stop" info reports how many objects were collected.
import gc
class Node:
    pass
result = []
def cb(phase, info):
    if phase == "stop":
        result.append((info["generation"], info["collected"], info["uncollectable"]))
gc.collect()
a = []
a.append(a)
del a
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(result)
