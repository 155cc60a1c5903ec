# gc.get_referrers finds the containers holding an object: a list, a dict, an instance's __dict__ (or the instance, 3.11+).
import gc
class Holder:
    pass
target = [1, 2]
lst = [target]
dct = {"k": target}
h = Holder()
h.attr = target
gc.collect()
refs = gc.get_referrers(target)
kinds = sorted(type(r).__name__ for r in refs if r is not globals())
print(kinds)
print("lst" , any(r is lst for r in refs), "dct", any(r is dct for r in refs))
print("referents", [type(x).__name__ for x in gc.get_referents(lst)])
