# f(*args, **kwargs): the references each version holds while the callee runs
# (the args tuple, the kwargs dict, copies made to call the function).
import sys
a = []
base = sys.getrefcount(a)
def va(*args): return sys.getrefcount(a) - base
def vk(**kw): return sys.getrefcount(a) - base
def both(*args, **kw): return sys.getrefcount(a) - base
def pos(x): return sys.getrefcount(a) - base
def posk(x, k): return sys.getrefcount(a) - base
t = (a,)
d = {"k": a}
print("va(*[a])", va(*[a]), "va(*t)", va(*t), "pos(*t)", pos(*t), "pos(*[a])", pos(*[a]))
print("vk(**d)", vk(**d), "vk(**{})", vk(**{"k": a}), "posk(*t, **d)", posk(*t, **d), "posk(a, **d)", posk(a, **d))
print("both(*t, **d)", both(*t, **d), "both(*[a], **{})", both(*[a], **{"k": a}), "both(*t, k=a)", both(*t, k=a))
print("both(a, *t, a)", both(a, *t, a), "both(*t, *t)", both(*t, *t), "both(**d, j=a)", both(**d, j=a))
class C:
    def m(self, *args, **kw): return sys.getrefcount(a) - base
print("method", C().m(*t, **d), C().m(*[a]))
print("display", [*t, a, *t] == [a, a, a], (*t, a) == (a, a), sorted({*"ab", "c"}))
print(sys.getrefcount(a) - base)
