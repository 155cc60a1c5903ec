# gc.collect(generation) validates its argument: 0, 1, 2 are fine; 3 raises ValueError.
import gc
for g in (0, 1, 2):
    print(g, gc.collect(g) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
