# Dunder methods: __len__, __getitem__, __iter__, __contains__, __repr__, __add__, __bool__.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.xs)) + ")"
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __bool__(self):
        return any(self.xs)
v = Vec(1, 2, 3)
print(len(v), v[1], list(v), 2 in v, v + v, bool(Vec(0, 0)))
print(repr(v), str(v), [v])
