# Properties without setter or deleter, slots, and descriptor reprs; callable() of weak references.
import weakref
class Temperature:
    __slots__ = ("_celsius", "label", "__weakref__")
    def __init__(self, c):
        self._celsius = c
    @property
    def celsius(self):
        return self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @fahrenheit.deleter
    def fahrenheit(self):
        print("deleting fahrenheit")
t = Temperature(25)
print(t.celsius, t.fahrenheit)
for action in ("set", "delete"):
    try:
        if action == "set":
            t.celsius = 30
        else:
            del t.celsius
    except AttributeError as e:
        print("AttributeError:", e)
del t.fahrenheit
print(Temperature.label, Temperature.__weakref__, list.append, str.join)
print(type(Temperature.label).__name__, type(list.append).__name__)
r = weakref.ref(t)
p = weakref.proxy(t)
print(callable(r), callable(p), callable(weakref.proxy(len)), callable(Temperature), callable(t))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([0.5, 2, 0.25]))
