# Class keywords reach __init_subclass__ (a registry of subclasses, a classic way to keep classes alive).
import gc


class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        print("init_subclass", cls.__name__, name, kw)
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


try:
    class Bad(Plugin, name="bad", extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(color="red"):
        pass
except TypeError as e:
    print("TypeError:", e)


class Explicit(metaclass=type):
    pass


print(sorted(Plugin.registry), type(Explicit).__name__)
print(Plugin.__dict__["__init_subclass__"].__class__.__name__, Plugin.__init_subclass__.__self__ is Plugin)
print(object.__init_subclass__(), object.__init_subclass__.__self__ is object)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print("TypeError:", e)
gc.collect()
before = gc.get_count()[0]


class Xml(Plugin, name="xml"):
    pass


print("allocated by a class with a keyword:", gc.get_count()[0] - before)
del Plugin.registry["xml"], Xml
print("collected:", gc.collect())
