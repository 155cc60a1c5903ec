# `+` of constant tuples and `*` of a constant tuple by an int fold into one
# tuple constant before the code runs (ast_opt.c fold_binop() from 3.7, the
# peephole optimizer in 3.6), within a size limit: the tuple is shared by
# co_consts (and the AST arena), so its refcount counts them.
import sys

t = (1, 2) + (3,)
print("add", t, sys.getrefcount(t))
q = (1000,) * 2
print("mul", q, sys.getrefcount(q), q[0] is q[1])
r = 3 * ("a", "b")
print("rmul", r, sys.getrefcount(r))
nested = ((1, 2) + (3,), 4)
print("nested", nested, sys.getrefcount(nested))
big = (0,) * 300
print("big", len(big), sys.getrefcount(big))


def f():
    return (1, 2) + (3,)


print("shared", f() is f())
