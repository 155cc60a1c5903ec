# dict sizes: empty, growing (resizes at 2/3 full), and not shrinking on deletion.
import sys
d = {}
print("empty", sys.getsizeof(d))
last = sys.getsizeof(d)
for i in range(40):
    d[i] = i
    s = sys.getsizeof(d)
    if s != last:
        print(len(d), s)
        last = s
for i in range(40):
    del d[i]
print("after deletion", len(d), sys.getsizeof(d))
d.clear()
print("after clear", sys.getsizeof(d))
print("literal", sys.getsizeof({"a": 1, "b": 2}))
