# A list display only iterated (`for`, a comprehension) or tested with `in`
# becomes a tuple constant, a set display a frozenset constant (ast_opt.c
# fold_iter() from 3.7; 3.6's peephole folds BUILD_LIST/BUILD_SET before
# GET_ITER or COMPARE_OP in, keeping the items in co_consts too).
import sys


def loop():
    for x in [1000, 2000]:
        pass
    return x


def tests(y):
    return y in [3000, 4000], y not in {5000, 6000}, 1 in [1, 2] in [(1, 2), 3]


def comp():
    return [z for z in [9000, 9001]], [w for w in {9002}]


for f in (loop, tests):
    print(f.__name__, f.__code__.co_consts)
print("loop item", sys.getrefcount(loop()))
print("tests", tests(3000), tests(5000))
print("comp", comp())
for k in [13000, 14000]:
    pass
print("module loop", sys.getrefcount(k))
for m in {15000}:
    pass
print("module set loop", sys.getrefcount(m))
for e in []:
    pass
print("empty", [e for e in []])
