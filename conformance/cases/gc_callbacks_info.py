# gc.callbacks get "start"/"stop" with the generation, collected and uncollectable counts.
import gc
class N:
    pass
log = []
def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))
gc.collect()
gc.callbacks.append(cb)
a = N(); a.me = a
b = N(); b.other = a; a.other = b
del a, b
n = gc.collect()
gc.callbacks.remove(cb)
print(n, log)
