# sys.getsizeof of __slots__ instances (managed __dict__/__weakref__ pre-header) and of lists after slice assignment/deletion
import sys
class Plain:
    pass
class S:
    __slots__ = ("a", "b", "__weakref__")
class T:
    __slots__ = ("a", "b")
class U:
    __slots__ = ("a", "__dict__")
class W:
    __slots__ = ("a", "__dict__", "__weakref__")
class P(S):
    pass
class Q(Plain):
    __slots__ = ("c",)
for c in (Plain, S, T, U, W, P, Q):
    print(c.__name__, sys.getsizeof(c()))
def ten():
    return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
a = ten(); a[:] = []; print("ass empty", sys.getsizeof(a))
a.append(1); print("append after", sys.getsizeof(a))
a = ten(); del a[0:8]; print("del slice", sys.getsizeof(a))
a = ten(); del a[::2]; print("del step", sys.getsizeof(a))
a = ten(); del a[:]; print("del all", sys.getsizeof(a))
a = ten(); a[2:3] = [1, 2, 3, 4]; print("grow", sys.getsizeof(a))
a = ten(); a[2:4] = [5, 6]; print("same", sys.getsizeof(a))
a = [1]; del a[0]; print("del item", sys.getsizeof(a))
a = [1, 2, 3, 4, 5, 6, 7, 8, 9]; del a[0]; del a[0]; del a[0]; del a[0]; del a[0]; print("del items", sys.getsizeof(a))
