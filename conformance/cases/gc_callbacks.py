# test_gc.test_callbacks: gc.callbacks receive ("start"/"stop", info) around a collection.
import gc
log = []
def cb(phase, info):
    log.append((phase, sorted(info), info["generation"]))
gc.collect()
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
