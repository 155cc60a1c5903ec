# From 3.12 list, set and dict comprehensions run inline (PEP 709): no function object, no frame, no cell for an outer variable they read.
import gc, sys

def counts(y):
    gc.collect()
    r = [gc.get_count()[0] for x in y]
    return r

def closure_cells(y):
    a = [1]
    gc.collect()
    r = [a for x in y]
    return gc.get_count()[0], len(r)

def dict_and_set(y):
    gc.collect()
    d = {x: x for x in y}
    s = {x for x in y}
    return gc.get_count()[0], len(d), len(s)

items = [1, 2]
print("inside", counts(items))
print("cells", closure_cells(items))
print("dict and set", dict_and_set(items))
print("cellvars", closure_cells.__code__.co_cellvars, counts.__code__.co_varnames)
gc.collect()
m = [x * 2 for x in items]
print("module", gc.get_count(), m)
def nested(y):
    return [[x + z for z in y] for x in y]
gc.collect()
print("nested", nested(items), gc.get_count())
