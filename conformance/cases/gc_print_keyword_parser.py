# print() with keywords: 3.7-3.10 make the argument parser's keyword tuple at
# the first call with keywords (parser_init), 3.11 at the first call; it
# lives on, so only the first such call counts one more allocation.
import gc, sys
gc.collect()
gc.disable()
print("a")
print("a")
c0 = gc.get_count()[0]
print("b", end="\n")
c1 = gc.get_count()[0]
print("b", end="\n")
c2 = gc.get_count()[0]
print("b", sep=" ")
c3 = gc.get_count()[0]
n = sys.stdout.write("written\n")
c4 = gc.get_count()[0]
sys.stdout.flush()
print("deltas", c1 - c0, c2 - c1, c3 - c2, c4 - c3, "wrote", n)
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
print("sizes", sys.getsizeof(sys.stdout), sys.getsizeof(sys.stderr), type(sys.stdout).__name__)
