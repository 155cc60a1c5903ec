# Survivors of a young collection are promoted: get_count shows generation 1 filling.
import gc
gc.collect()
gc.disable()
keep = []
for i in range(3):
    keep.append([])
    gc.collect(0)
    print(gc.get_count()[1:])
gc.collect(1)
print(gc.get_count()[1:])
gc.collect()
print(gc.get_count())
gc.enable()
