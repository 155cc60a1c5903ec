# 3.13 interns a string constant mortal, unless a string equal to it is already immortal from start-up: a static identifier (_Py_ID: "spam", "path", "end") or a name start-up code interned ("abc", "name"); then the constant is that immortal string and holding it moves no refcount. 3.12 interns every constant immortal; before 3.12 nothing is immortal.
import sys

def delta(s):
    before = sys.getrefcount(s)
    held = [s, s]
    return sys.getrefcount(s) - before

for s in ["spam", "eggs", "path", "end", "abc", "ham", "x1y", "hello", "name", "__init__", "encoding", "qqq_zz"]:
    print(s, delta(s))
built = "".join(["sp", "am"])
print("built", delta(built))
interned = sys.intern(built)
print("interned", delta(interned), interned is built)
other = sys.intern("".join(["eg", "gs"]))
print("interned other", delta(other))
