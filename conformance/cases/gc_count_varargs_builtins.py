# gc.get_count() across calls of built-ins: a METH_VARARGS one packs its arguments into a tuple (3.6: most two-argument built-ins; min/str.find up to 3.12; set.update always).
import gc, sys

class Node:
    def __init__(self, name):
        self.name = name

n = Node("n")
calls = [
    ("isinstance", lambda: isinstance(n, Node)),
    ("getattr", lambda: getattr(n, "name")),
    ("setattr", lambda: setattr(n, "name", "m")),
    ("list.insert", lambda: [].insert(0, 1)),
    ("list.pop", lambda: [1, 2].pop(0)),
    ("dict.get", lambda: {}.get("k", 1)),
    ("dict.setdefault", lambda: {}.setdefault("k", 1)),
    ("dict.pop", lambda: {"k": 1}.pop("k", None)),
    ("iter", lambda: iter(())),
    ("min", lambda: min(1, 2)),
    ("str.find", lambda: "abc".find("b")),
    ("str.replace", lambda: "abc".replace("b", "c")),
    ("str.format", lambda: "{}".format(1)),
    ("set.update", lambda: set().update(())),
    ("gc.get_referents", lambda: gc.get_referents(n)),
    ("sorted", lambda: sorted(())),
]
for name, call in calls:
    gc.collect()
    before = gc.get_count()
    call()
    after = gc.get_count()
    print(name, after[0] - before[0])
