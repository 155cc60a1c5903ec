# str methods.
s = "  Hello, World  "
print(repr(s.strip()), s.lower(), s.upper())
print(s.split(","), "a-b-c".split("-", 1))
print("-".join(["x", "y", "z"]))
print("hello".replace("l", "L"), "hello".find("l"), "hello".count("l"))
print("abc".startswith("ab"), "abc".endswith("bc"))
print("Title case words".title(), "x".center(5, "*"), "7".zfill(3))
print("a,b,,c".split(","), "line1\nline2".splitlines())
print(str(12) + "3", "ab" * 3, "abc"[::-1])
