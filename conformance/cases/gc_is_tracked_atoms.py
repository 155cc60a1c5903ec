# test_gc.test_is_tracked: atoms are never tracked; containers are.
import gc
print(gc.is_tracked(None), gc.is_tracked(1), gc.is_tracked(1.0), gc.is_tracked("a"), gc.is_tracked(b"a"))
print(gc.is_tracked(1 + 1j), gc.is_tracked(type), gc.is_tracked(int), gc.is_tracked(object))
print(gc.is_tracked(object()))
class UserClass:
    pass
class UserInt(int):
    pass
class UserIntSlots(int):
    __slots__ = ()
print(gc.is_tracked(gc), gc.is_tracked(UserClass), gc.is_tracked(UserClass()))
print(gc.is_tracked(UserInt()), gc.is_tracked([]), gc.is_tracked(set()))
print(gc.is_tracked(UserIntSlots()))
