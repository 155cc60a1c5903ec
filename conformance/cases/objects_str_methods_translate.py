# str methods: maketrans/translate/format_map, searching, case changes; an unchanged result is the same object.
import gc
import sys
s = "Hello, World"
table = str.maketrans("lo", "01")
print(table == {108: 48, 111: 49}, s.translate(table))
print(s.translate({ord("H"): None, ord("W"): "w"}))
print("{name} is {age}".format_map({"name": "Ann", "age": 3}))
print(str.maketrans({"a": "b"}), str.maketrans("ab", "cd", "e"))
print(s.index("o"), s.rindex("o"), s.upper(), s.lower(), s.swapcase())
print(s.split(", "), s.partition(", "), s.startswith(("He", "x")))
print("-".join(["a", "b"]), "  x ".strip(), "x".center(5, "*"), "7".zfill(3))
print(s.count("l"), s.find("z"), s.replace("l", "L", 2), s.title(), s.casefold())
t = s.upper()
print(sys.getrefcount(t), t is s.upper())
print(s[::-1], s[1:5], s[-3:])
