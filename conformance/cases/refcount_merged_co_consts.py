# 3.8+: the compiler merges a code object's co_consts tuple with an equal constant (merge_const_tuple), so the constant (None,) is also a function's co_consts.
import sys

def hold(x):
    return [x]

def pair():
    return ("a", "b")

v = (None,)
print("is co_consts", v is hold.__code__.co_consts)
print("rc", sys.getrefcount(v))
w = ("a", "b")
print("item is", w is pair.__code__.co_consts[-1])
