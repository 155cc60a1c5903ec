# __eq__ and __hash__: defining __eq__ alone makes instances unhashable.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x
class H(P):
    def __hash__(self):
        return hash(self.x)
print(P(1) == P(1), P(1) != P(2))
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)
s = {H(1), H(1), H(2)}
print(len(s))
print(P.__hash__ is None)
