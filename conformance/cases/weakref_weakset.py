# A WeakSet forgets members when they die.
import weakref
class M:
    pass
ws = weakref.WeakSet()
items = [M() for _ in range(5)]
for it in items:
    ws.add(it)
print(len(ws))
del items[:2]
print(len(ws))
items.clear()
print(len(ws))
