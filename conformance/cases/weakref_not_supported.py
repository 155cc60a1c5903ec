# Some built-in types cannot be weakly referenced: int, str, tuple, list, dict.
import weakref
for obj in [1, "s", (1,), [1], {1: 1}, None]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(type(obj).__name__, "TypeError")
class L(list):
    pass
print(weakref.ref(L())() is None)
def f():
    pass
print(weakref.ref(f)() is f)
