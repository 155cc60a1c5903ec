# f-string format specs, % formatting, format() and str.format, float reprs, int()/float()/round().
import gc
import sys
x = 3.14159; n = 42; s = "hi"
print(f"{x:.2f} {n:05d} {n:x} {n:#b} {s:>5}|{s:<5}|{s:^6}| {n:,} {x:e} {x:10.3f}|")
print(f"{n!r} {s!r} {s!s} {x!a} {n:+d} {-n:d} {0.5:%} {1234567.891:_.2f}")
print("%s %d %5.1f %-4s| %x %o %r %%" % (s, n, x, s, n, n, s))
print("%(a)s-%(b)d" % {"a": "A", "b": 2}, "%c" % 65, "%05.2f" % x)
print(format(n, "08b"), format(x, ".3g"), format(s, "*^7"), "{:>{w}}".format(n, w=6))
print("{0}{1}{0}".format("a", "b"), "{x}".format(x=1), "{:.1%}".format(0.25))
print(repr(1.0), repr(1e16), repr(0.1 + 0.2), str(1e-5), repr(-0.0), 1e300 * 1e10)
print(int("ff", 16), int("0b101", 0), int(3.9), int(-3.9), float("1.5"), float(2), round(2.675, 2), round(5), round(0.5), round(1.5))
