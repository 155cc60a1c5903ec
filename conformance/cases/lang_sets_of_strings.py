# Sets of strings print in hash order, deterministic with PYTHONHASHSEED=0 (SipHash changed in 3.11).
s = {"apple", "banana", "cherry", "date", "elderberry"}
print(s)
print(list({"x", "y", "z"}))
d = dict.fromkeys(["b", "a", "c"])
print(list(d))
