# gc.get_referents lists what an object refers to (its tp_traverse).
import gc
a = [1, "two", None]
b = {"k": a}
print([type(x).__name__ for x in gc.get_referents(a)])
print(gc.get_referents(b)[0] is a or gc.get_referents(b)[1] is a)
print(len(gc.get_referents(1)))
t = (a, b)
print(gc.get_referents(t)[0] is a, gc.get_referents(t)[1] is b)
