# send() resumes with a value, throw() raises inside; a generator that catches and yields keeps its frame.
import gc, sys
def acc():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError:
            v = -1
        if v is None:
            return total
        total += v
gc.collect()
g = acc()
print(next(g))
print(g.send(5))
print(g.send(10))
print(g.throw(ValueError))
try:
    g.send(None)
except StopIteration as e:
    print("stop", e.value)
print("frame", g.gi_frame)
print("rc", sys.getrefcount(g))
print("collect", gc.collect())
