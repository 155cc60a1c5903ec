# A folded operation that returns its operand unchanged (float_pos, long_pos,
# str + '', str * 1, tuple * 1, tuple + () from 3.7) makes no new
# constant: the operand's own object is the constant, held once more by the AST
# arena (make_const(), 3.7+) or appended to co_consts once more (3.6's peephole).
import sys

x = +2.5
z = 2.5
print("pos float", sys.getrefcount(x), x is z)
y = +(+1000)
print("pos pos int", sys.getrefcount(y))
n = -2.5
print("neg float", sys.getrefcount(n))
s = "hello world" + ""
print("str + empty", sys.getrefcount(s))
s2 = "" + "good day" * 1
print("empty + str * 1", sys.getrefcount(s2))
b = b"one " + b"two"
print("bytes + bytes", sys.getrefcount(b))
t = (1000, 2000) * 1
print("tuple * 1", sys.getrefcount(t))
t2 = (3000, 4000) + ()
print("tuple + ()", sys.getrefcount(t2))
r = "x y" * -1
print("negative repeat", repr(r))


def f():
    return +3.75, 3.75, "x y" + "", "x y", b"ab" + b"cd", True + True


v = f()
print("in a function", v[0] is v[1], v[2] is v[3], sys.getrefcount(v[0]), sys.getrefcount(v[2]))
print("co_consts", f.__code__.co_consts)
