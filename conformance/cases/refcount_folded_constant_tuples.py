# A tuple display whose items fold to constants (-5, 2**3, "a" * 3, an inner
# tuple) is itself one constant of the code object: the compiler folds the
# items first (ast_opt.c from 3.7, the peephole optimizer in 3.6), so the
# tuple is shared, and from 3.8 merged with an equal constant of another
# function. The AST arena holds folded constants while the module runs.
import sys

t1 = (1, -5)
print("t1", sys.getrefcount(t1))
t2 = ((1, 2), (3, 4))
print("t2", sys.getrefcount(t2), sys.getrefcount(t2[0]))
t3 = (2**3, "a" * 3, -1.5)
print("t3", sys.getrefcount(t3), t3)


def f():
    return (1, -5)


def g():
    return ((1, 2), 3)


print("f", f() is f(), sys.getrefcount(f()))
print("g", g() is g(), sys.getrefcount(g()), sys.getrefcount(g()[0]))
print("same", f() is t1, g()[0] is t2[0])
big = ("hello world", 1000)
print("big", sys.getrefcount(big), sys.getrefcount(big[1]))
