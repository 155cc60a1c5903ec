# gc.set_threshold changes when automatic collections happen; it can be restored.
import gc
old = gc.get_threshold()
gc.set_threshold(100)
print(gc.get_threshold()[0])
gc.set_threshold(100, 5)
print(gc.get_threshold()[:2])
gc.set_threshold(10, 20, 30)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
