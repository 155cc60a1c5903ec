# Counting automatic collections with gc.callbacks under a small threshold.
import gc
starts = []
def cb(phase, info):
    if phase == "start":
        starts.append(info["generation"])
gc.collect()
gc.set_threshold(10, 3, 3)
gc.callbacks.append(cb)
keep = []
for i in range(200):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(len(starts) > 0)
print(starts[:12])
