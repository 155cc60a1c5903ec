# A collection finalizes a generator in a garbage cycle (PEP 442, _PyGen_Finalize ->
# gen_close). Up to 3.11 closing one that never started still throws GeneratorExit
# into its frame, which releases its locals: the cycle through them is broken by
# reference counting and those objects do not count as collected. From 3.12 closing
# an unstarted generator only marks it completed, and the whole cycle is collected.
import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def gen(node, box):
    print("started", node.name)
    yield 1
gc.collect()
box = [Node("a")]
g = gen(box[0], box)
box.append(g)
del g, box
print("unstarted", gc.collect())
l = [1, 2]
l.append(x for x in l)
del l
print("genexpr", gc.collect())
box = [Node("b")]
g = gen(box[0], box)
box.append(g)
next(g)
del g, box
print("started", gc.collect())
