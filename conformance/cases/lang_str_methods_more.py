# str methods of the subset: rindex/rfind/find/count with start and end, partition and rpartition (the str itself when the separator is missing, the separator object in the middle), padding methods returning the str itself when it is wide enough, expandtabs, title/istitle, casefold, is* predicates, replace with a count; 3.7+ isascii, 3.9+ removeprefix/removesuffix; gc.get_count() of the new ones.
import gc, sys

s = "hello world"
print(s.rindex("o"), s.rfind("o"), s.rfind("o", 0, 5), s.find("o", 5), s.rindex("l", 0, 4), s.find("", 20), s.rfind("", 3))
for sub in ("z", "hello", "o"):
    try:
        print(sub, s.rindex(sub, 1, 5))
    except ValueError as e:
        print(sub, "ValueError", e)
print(s.count(""), s.count("l", 3), s.count("l", 0, 3), "".count(""), s.count("o", -3))
sep = " w"
p = s.partition("zz")
print(p[0] is s, p[1] == "", p[1] is p[2])
p = s.partition(sep)
print(p, p[1] is sep)
p = s.rpartition("zz")
print(p[2] is s, p[0] is p[1])
p = s.rpartition(sep)
print(p, p[1] is sep)
print(s.zfill(3) is s, s.center(5) is s, s.ljust(11) is s, s.rjust(2) is s, s.center(12) is s)
print(repr(s.center(15, "*")), repr("ab".center(5)), repr("abc".center(6)), repr("-12".zfill(6)), repr("+5".zfill(4)))
t = "a\tbc\td"
print(repr(t.expandtabs()), repr(t.expandtabs(4)), s.expandtabs() is s, repr("a\nb\tc".expandtabs(3)), repr(t.expandtabs(0)))
print(repr("hELLO wORLD it's 3rd".title()), repr("ABC def".swapcase()), "Hello World".istitle(), "Hello world".istitle(), "".istitle(), "A1 B".istitle())
print("Straße".casefold(), "ABC".casefold(), "ΣΑΣ".casefold())
print("12".isdecimal(), "½".isnumeric(), "½".isdecimal(), "a\n".isprintable(), "ab c".isprintable(), "".isprintable())
print(s.replace("l", "L", 2), s.replace("zz", "y") is s, s.replace("l", "L", 0) is s, repr("abc".replace("", "-")), repr("abc".replace("", "-", 2)))
print("_a1".isidentifier(), "1a".isidentifier(), "".isidentifier())
for name in ("isascii", "removeprefix", "removesuffix", "rindex", "expandtabs", "istitle", "isdecimal", "isnumeric", "isprintable"):
    print(name, hasattr(s, name))
if sys.version_info >= (3, 7):
    print("é".isascii(), "abc".isascii(), "".isascii())
if sys.version_info >= (3, 9):
    print(s.removeprefix("hello "), s.removeprefix("x") is s, s.removesuffix("world"), s.removesuffix("") is s)
calls = [
    ("rindex", lambda: s.rindex("o")),
    ("rindex start", lambda: s.rindex("o", 2)),
    ("expandtabs", lambda: t.expandtabs()),
    ("expandtabs 4", lambda: t.expandtabs(4)),
    ("partition", lambda: s.partition("o")),
    ("count start", lambda: s.count("o", 1)),
    ("replace count", lambda: s.replace("o", "0", 1)),
    ("title", lambda: s.title()),
    ("zfill", lambda: s.zfill(20)),
]
for name, call in calls:
    gc.collect()
    before = gc.get_count()
    call()
    print(name, gc.get_count()[0] - before[0])
