# Operations on constants fold to one constant before the code runs
# (ast_opt.c from 3.7, the peephole optimizer in 3.6), bottom-up: `-(-x)`,
# `~x`, `"abc"[1]`, `b"xyz"[-1]`. The folded constant is held by co_consts
# (and from 3.7 by the AST arena while the module runs), so a name bound to
# it counts those references, and two equal folds are one object from 3.7.
import sys

x = -1.5
print("neg", sys.getrefcount(x))
y = -(-1000.5)
y2 = -(-1000.5)
print("negneg", sys.getrefcount(y), y is y2)
w = ~1000
print("invert", w, sys.getrefcount(w))
print("index", "abc"[1], b"xyz"[-1], "héllo"[1])
big = -(2 ** 100)
print("bigneg", big, sys.getrefcount(big))
