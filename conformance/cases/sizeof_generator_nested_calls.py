# Calls of call results, f(x)(): from 3.11 each plain call pushes a NULL (3.11/3.12
# both before `f`, 3.13 each after its callee), so a generator's embedded frame
# (co_stacksize) grows with the nesting; a module with several such calls before a
# loop must still compile (fuzz seed 40084 hung pymem's stack-depth computation).
import sys
def closure(x):
    def f():
        return x
    return f
def curry(a):
    return lambda b: lambda c: (a, b, c)
def g1(v):
    yield closure(v)()
def g2(v):
    yield curry(v)(v)(v)
def g3(v):
    yield [closure(closure(v)())(), curry(1)(2)(closure(v)())]
print(sys.getsizeof(g1(1)), sys.getsizeof(g2(1)), sys.getsizeof(g3(1)))
v1 = [1]
v2 = closure(v1)()
v5 = closure(v2)()
v10 = closure(v1)()
v12 = curry(v1)(v2)(v5)
for i in range(4):
    v12 = closure(v12)()
print(v12 is not None, v2 is v1, v10 is v5)
