# gc.get_referrers finds tracked containers that refer to an object.
import gc
target = []
holder1 = [target]
holder2 = {"t": target}
refs = gc.get_referrers(target)
print(any(r is holder1 for r in refs), any(r is holder2 for r in refs))
class H:
    pass
h = H()
h.t = target
refs = gc.get_referrers(target)
print(any(r is holder1 for r in refs))
