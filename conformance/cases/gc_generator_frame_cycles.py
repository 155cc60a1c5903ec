# Cycles through generators: from 3.11 the collector finds no frame object in them unless gi_frame made one.
import gc

def gen(box):
    yield box

gc.collect()
box = []
box.append(gen(box))
del box
print("unstarted", gc.collect())
box = []
box.append(gen(box))
next(box[0])
del box
print("suspended", gc.collect())
box = []
box.append(gen(box))
box.append(box[0].gi_frame)
del box
print("unstarted, frame asked", gc.collect())
print("again", gc.collect())
box = []
box.append(gen(box))
next(box[0])
box.append(box[0].gi_frame)
del box
print("suspended, frame asked", gc.collect())
print("again", gc.collect())
l = [1, 2]
l.append(x for x in l)
del l
print("genexpr", gc.collect())
l = [1, 2]
l.append(x for x in l)
l.append(l[2].gi_frame)
del l
print("genexpr, frame asked", gc.collect())
print("again", gc.collect())
