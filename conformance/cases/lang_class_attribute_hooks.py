# A class's own attribute hooks: __getattribute__ (then __getattr__ on AttributeError), __setattr__, __delattr__ and object's generic ones they delegate to; __init_subclass__; operator overloads; __del__ order.
import sys, gc
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __neg__(self):
        return V(-self.x, -self.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, *a):
        return sum(a) + self.x
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __getattr__(self, name):
        if name == "z":
            return 0
        raise AttributeError(name)
a = V(1, 2); b = V(3, 4)
print(a + b, -a, a * 2, 3 * a, sum([a, b], V(0, 0)), sorted([b, a]), bool(V(0, 0)), 2 in a, a(1, 2), a.z)
a += b; print(a)
try:
    a.w
except AttributeError as e:
    print("AttributeError", e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)
l = Logged(); l.q = 1; print(l.q, l.secret); del l.q
print(hasattr(l, "q"), getattr(l, "q", "dflt"))
class Meta:
    count = 0
    def __init__(self):
        Meta.count += 1
        self.__class__.count += 0
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__)
class Sub(Meta):
    pass
Meta(); Sub()
print(Meta.count, Sub.count, Sub.__base__.__name__, Sub.__dict__.get("count"))
class Temp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, Temp) and self.v == o.v
print(Temp(1) == Temp(1), Temp.__hash__, [Temp(1)].count(Temp(1)), Temp(1) in [Temp(1)])
try:
    {Temp(1)}
except TypeError as e:
    print("TypeError", e)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        yield from reversed(self._items)
    def __getitem__(self, i):
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
s = Stack().push(1).push(2).push(3)
s[0] = 10; del s[1]
print(len(s), list(s), s[0], s[-1], [x for x in s])
print(sys.getrefcount(s), sys.getrefcount(s._items))
class WithDel:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("bye", self.name)
def scope():
    w = WithDel("local")
    print("in scope")
scope()
w1 = WithDel("one"); w2 = w1; del w1; print("still alive"); del w2
objs = [WithDel(i) for i in range(3)]
objs.pop(1); print("popped"); objs = None
x = WithDel("cyc"); x.self = x; del x; print("collect", gc.collect())
print("end")
