# An object resurrected by __del__ survives; __del__ is not called a second time (PEP 442).
saved = []
class Phoenix:
    def __del__(self):
        print("__del__ called")
        saved.append(self)
p = Phoenix()
del p
print(len(saved))
p = saved.pop()
print(type(p).__name__)
del p
print("after second del", len(saved))
