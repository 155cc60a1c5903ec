# Messages of TypeErrors from operators and calls, per version: sequence concat/repeat, argument counts (qualname from 3.10), unbound methods.
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Account:
    def __init__(self, owner):
        self.owner = owner
    def deposit(self, amount):
        return amount
show(lambda: "total: " + 5)
show(lambda: [1, 2] + (3,))
show(lambda: (1,) + [2])
show(lambda: b"ab" + "c")
show(lambda: "ab" * "c")
show(lambda: [0] * 2.5)
show(lambda: None * (1,))
show(lambda: Account())
show(lambda: Account("a", "b"))
show(lambda: Account("a").deposit())
show(lambda: Account("a").deposit(1, 2))
show(lambda: Account("a").deposit(amt=1))
show(lambda: list.append(5, 1))
show(lambda: str.upper())
show(lambda: "{} {}".format(1))
show(lambda: int(None))
show(lambda: isinstance(3, "int"))
show(lambda: issubclass(int, 3))
show(lambda: dict([("a", 1), 2]))
show(lambda: dict([("a", 1), "abc"]))
show(lambda: sum(["a", "b"], ""))
show(lambda: chr(-1))
words = "a"
words += "b"
print(words, sum([1, 2]), sum([0.5, 1.5], 1))
