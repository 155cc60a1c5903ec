# gc.get_count() of hasattr/getattr/attribute access on instances whose class defines __getattr__ (slot_tp_getattr_hook): up to 3.11 __getattr__ is bound first (a method object; up to 3.7 called with an argument tuple), 3.10-3.11 first make the generic lookup's AttributeError.
import gc


class Raises:
    def __getattr__(self, name):
        raise AttributeError(name)


class Returns:
    def __getattr__(self, name):
        return len(name)


class Plain:
    pass


for cls in (Raises, Returns, Plain):
    o = cls()
    for trial in range(2):
        gc.collect()
        c0 = gc.get_count()[0]
        r1 = hasattr(o, "missing")
        c1 = gc.get_count()[0]
        r2 = getattr(o, "missing", None)
        c2 = gc.get_count()[0]
        try:
            r3 = o.missing
        except AttributeError:
            r3 = "raised"
        c3 = gc.get_count()[0]
        print(cls.__name__, trial, r1, r2, r3, c1 - c0, c2 - c1, c3 - c2)
