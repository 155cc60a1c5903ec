# Default thresholds: (700, 10, 10) up to 3.12, (2000, 10, 10) in 3.13.
import gc
print(gc.get_threshold())
print(gc.isenabled())
