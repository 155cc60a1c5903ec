import gc
seen = []
gc.callbacks.append(lambda p, i: seen.append((p, i['generation'])))
gc.collect(); seen.clear()
gc.set_threshold(1)
x = [[], [], gc.disable()]
r = len(seen)
gc.enable(); gc.set_threshold(700)
print('ran while disabled:', r > 0)
