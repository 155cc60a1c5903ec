# A __hash__ returning hash(other) hashes like it (slot_tp_hash keeps any Py_hash_t value); sets of such objects iterate in that order.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P{self.x}{self.y}"
pts = {Point(i, j) for i in range(3) for j in range(3)}
print(pts)
print(hash(Point(1, 2)) == hash((1, 2)), Point(1, 2) in pts, len(pts | {Point(0, 0)}))
class Big:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print([hash(Big(h)) for h in (-1, 2 ** 62, -(2 ** 63), 2 ** 63, 2 ** 64 + 3, 10 ** 30)])
print({"k" + str(i): Point(i, i) for i in range(3)})
