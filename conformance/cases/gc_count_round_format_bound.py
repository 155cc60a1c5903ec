# gc.get_count() of round(), format(), vars() and dir(): each binds the object's __round__/__format__/__dir__ (_PyObject_LookupSpecial: a new bound method, kept by the method free list up to 3.8), 3.6's float.__round__/int.__format__ and int.__round__ up to 3.9 pack their argument (METH_VARARGS), 3.7 makes round()'s keyword tuple at its first call, vars() and dir() pack theirs except in 3.12 (Argument Clinic there), dir() copies the instance dict and merges each class namespace through its keys().
import gc

class Node:
    def __init__(self, name):
        self.name = name

class Fmt:
    def __format__(self, spec):
        return "fmt" + spec
    def __round__(self, nd=None):
        return 7

n = Node("n")
f = Fmt()
x = 2.5
i = 7
calls = [
    ("round(float) first", lambda: round(x)),
    ("round(float)", lambda: round(x)),
    ("round(float, 1)", lambda: round(x, 1)),
    ("round(int)", lambda: round(i)),
    ("round(int, 1)", lambda: round(i, 1)),
    ("round(Fmt)", lambda: round(f)),
    ("format(float, spec)", lambda: format(x, ".2f")),
    ("format(int, spec)", lambda: format(i, "5d")),
    ("format(str, spec)", lambda: format("ab", ">5")),
    ("format(int)", lambda: format(i)),
    ("format(str)", lambda: format("ab")),
    ("format(Node)", lambda: format(n)),
    ("format(Fmt, spec)", lambda: format(f, "x")),
    ("f-string spec", lambda: f"{x:.1f}"),
    ("vars", lambda: vars(n)),
    ("dir(instance)", lambda: dir(n)),
    ("dir(class)", lambda: dir(Node)),
]
for name, call in calls:
    gc.collect()
    before = gc.get_count()
    call()
    after = gc.get_count()
    print(name, after[0] - before[0])
print(round(x), round(x, 1), round(i, -1), round(f), format(x, ".2f"), format(f, "x"), format(n, "") == str(n))
print([a for a in dir(n) if not a.startswith("__")], "name" in vars(n))
