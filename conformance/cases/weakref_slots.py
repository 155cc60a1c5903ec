# __slots__ classes need a __weakref__ slot to be weakly referenceable.
import weakref
class NoWeak:
    __slots__ = ("x",)
class WithWeak:
    __slots__ = ("x", "__weakref__")
try:
    weakref.ref(NoWeak())
except TypeError:
    print("NoWeak: TypeError")
w = WithWeak()
r = weakref.ref(w)
print(r() is w)
del w
print(r() is None)
