# The article's examples: names, objects, reference counts and the generational collector.
import gc
import sys


def heading(title):
    print()
    print("== " + title + " ==")


heading("1. A name is a label, rebound from None to 10 to '10'")
x = None
print("x = None  ->", type(x))
x = 10
first = id(x)
print("x = 10    ->", type(x))
x = "10"
print("x = '10'  ->", type(x))
print("same object as before?", id(x) == first)

heading("2. Assigning a value reuses an existing object... sometimes")
a = 100
b = int("100")
print("small int 100, computed at run time: a is b ->", a is b)
a = 1000
b = int("1000")
print("int 1000 computed at run time:      a is b ->", a is b)
a = 1000
b = 1000
print("two 1000 constants in one module:    a is b ->", a is b)
a = "identifier_like"
b = "".join(["identifier", "_like"])
print("interned constant vs built string:   a is b ->", a is b)
print("after sys.intern:                     a is b ->", a is sys.intern(b))
a = [1, 2]
b = [1, 2]
print("two list displays:                    a is b ->", a is b, " a == b ->", a == b)

heading("3. References counted up and down")
data = [1, 2, 3]
print("data bound to one name:     ", sys.getrefcount(data))
alias = data
print("plus an alias:              ", sys.getrefcount(data))
box = [data, data]
print("plus two slots of a list:   ", sys.getrefcount(data))
del box
print("list deleted:               ", sys.getrefcount(data))
del alias
print("alias deleted:              ", sys.getrefcount(data))

heading("4. Why sys.getrefcount reads one more")
print("the argument of the call is a reference too: a new list reads", sys.getrefcount([]))
n = 1000
print("x = 1000 reads", sys.getrefcount(n), "(name, co_consts, the argument, the parser's arena)")

heading("5. A cycle reference counting cannot free")


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freeing", self.name)


gc.collect()
left = Node("left")
right = Node("right")
left.partner = right
right.partner = left
print("left refcount with the cycle:", sys.getrefcount(left))
del left, right
print("names deleted; nothing freed yet")
print("gc.collect() ->", gc.collect())

heading("6. Three generations")
print("thresholds:", gc.get_threshold())
gc.disable()
gc.collect()
print("counts after a full collection:", gc.get_count())
survivor = []
gc.collect(0)
print("after collect(0) the list sits in generation 1:", gc.get_count()[1:])
gc.collect(1)
print("after collect(1) it sits in generation 2:    ", gc.get_count()[1:])
gc.collect(2)
print("after collect(2) nothing is pending:         ", gc.get_count())
gc.enable()
old = gc.get_threshold()
gc.set_threshold(10, 5, 5)
print("new thresholds:", gc.get_threshold())
gc.set_threshold(*old)
print("restored:", gc.get_threshold() == old)
