# A tree of class instances (inheritance, super(), methods, properties):
# build a complete binary tree, walk it recursively, drop it.
SCALE = 1
DEPTH = 16 if SCALE >= 1 else 12


class Base:
    def __init__(self, depth):
        self.depth = depth


class Tree(Base):
    def __init__(self, depth):
        super().__init__(depth)
        if depth > 0:
            self.left = Tree(depth - 1)
            self.right = Tree(depth - 1)
        else:
            self.left = None
            self.right = None

    @property
    def leaf(self):
        return self.left is None

    def count(self):
        if self.leaf:
            return 1
        return 1 + self.left.count() + self.right.count()


total = 0
for rep in range(2):
    t = Tree(DEPTH)
    total += t.count()
    if rep == 0:
        print("@bench peak", 2 ** (DEPTH + 1) - 1, flush=True)
    t = None
print(total)
