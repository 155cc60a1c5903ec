# fuzz seed 109196, shrunk: pymem 3.12 differs in "stdout: collect / collect"
import gc, sys, weakref
class Plain:
    pass
gc.collect()
try:
    raise ValueError(1)
except ValueError as exc:
    e0 = exc
v1 = [1, 2, 3]
for i in range(2):
    t5 = Plain()
    t5.x = Plain()
    t5.x.x = t5
gc.set_threshold(6, 2, 2)
del v1[:]
v1.insert(0, e0)
print("collect", gc.collect())
