# with statement: __enter__/__exit__ order, exceptions passed to __exit__, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("c", suppress=True):
    raise KeyError("x")
print("after suppressed")
try:
    with CM("d"):
        raise ValueError("y")
except ValueError as e:
    print("caught", e)
