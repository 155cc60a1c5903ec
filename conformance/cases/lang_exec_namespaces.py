# exec() runs source in the namespaces it is given; the functions it defines
# refer back to that globals dict (a cycle), and it adds __builtins__.
import gc, sys
d = {}
exec("def f(): return x\nx = 1000\ny = [x]\n", d)
print(sorted(k for k in d if k != "__builtins__"), "__builtins__" in d)
print(d["f"](), d["f"].__globals__ is d, sys.getrefcount(d["y"]))
exec("z = x + 1", d)
print(d["z"])
g = {"a": 1}
l = {}
exec("b = a + 1", g, l)
print(l, "b" in g)
exec("w = 7")
print(w)
try:
    exec("1 +")
except SyntaxError as e:
    print(type(e).__name__)
gc.collect()
del d
print(gc.collect())
