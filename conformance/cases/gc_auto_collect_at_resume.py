# 3.12+: a scheduled collection runs at the RESUME that starts a Python function's
# frame, and at a generator's after `yield`; a CALL that pushed a Python function's
# frame inline does not check the eval breaker again when it returns (a call of a
# built-in does). Up to 3.11 it runs inside the allocation that crosses the threshold.
import gc
L = []
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        L.append("del " + self.name)
def f(tag):
    L.append("in " + tag)
    return tag
def make(tag):
    Node(tag)
    x = [[], [], [], []]
    return tag
def g(tag):
    L.append("start " + tag)
    x = [[], [], [], []]
    yield tag
    L.append("resumed " + tag)
    yield tag
gens = [g("g0"), g("g1"), g("g2")]
gc.collect()
gc.set_threshold(3, 100, 100)
for i in range(3):
    Node("a%d" % i)
    x = [[], [], [], []]
    f("f%d" % i)
    make("m%d" % i)
    L.append("after make")
    x = [[], [], [], []]
    y = next(gens[i])
    L.append("first next")
    y = next(gens[i])
    L.append("second next")
gc.set_threshold(700, 10, 10)
gc.collect()
for line in L:
    print(line)
print("count", gc.get_count())
