# test_gc.test_saveall: with DEBUG_SAVEALL unreachable objects go to gc.garbage.
import gc
gc.collect()
print(gc.garbage)
debug = gc.get_debug()
gc.set_debug(debug | gc.DEBUG_SAVEALL)
l = []
l.append(l)
marker = [1, 2, 3]
l.append(marker)
del l
print(gc.collect())
found = [g for g in gc.garbage if type(g) is list and len(g) == 2 and g[1] is marker]
print(len(found), found[0][0] is found[0])
gc.set_debug(debug)
del found
gc.garbage.clear()
print(gc.collect())
