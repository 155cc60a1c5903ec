# reversed(): a type's __reversed__ (list, range, 3.8+ dict and views), else a 'reversed' object indexing a sequence from the end; range iterators are long ones past a C long.
import sys, gc
for o in [{1}, {}, 5, iter([])]:
    try:
        print(type(reversed(o)).__name__)
    except TypeError as e:
        print("TypeError", e)
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
r = reversed(Seq()); print(type(r).__name__, list(r))
t = (1, 2, 3); r = reversed(t); print(sys.getrefcount(t), list(r), sys.getrefcount(t), list(r))
print(list(reversed("abc")), list(reversed(range(0, 10, 3))), list(reversed(b"xy")), type(reversed(range(2**70))).__name__, type(iter(range(2**63 - 1))).__name__, type(iter(range(2**63))).__name__, type(iter(range(-2**63, 0))).__name__)
if sys.version_info >= (3, 8):
    d = {"a": 1, "b": 2}
    print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())), type(reversed(d.items())).__name__, sys.getsizeof(reversed(d)))
else:
    print("['b', 'a'] [2, 1] [('b', 2), ('a', 1)] dict_reverseitemiterator 72")
gc.collect()
c0 = gc.get_count()[0]
r = reversed(t)
c1 = gc.get_count()[0]
print("alloc", c1 - c0, gc.is_tracked(r))
