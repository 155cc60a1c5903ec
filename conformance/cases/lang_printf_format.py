# str % args (PyUnicode_Format): flags, width and precision (also `*`),
# mapping keys, every conversion, and the errors of each misuse.
print("%5.2f|%-4d|%x|%o|%e|%g|%%|%c" % (3.14159, 42, 255, 8, 12345.678, 0.0001, 65))
print("%(a)s-%(b)05d" % {'a': 'x', 'b': 42}, "%s" % [1, 2], "hello" % [1], "%s" % (1,), "%r" % "q", "%a" % "é")
print("%+d % d %#x %#o %08.3f %-6s| %*d %.*f %.2s %c %i %u" % (5, 5, 255, 8, -3.14159, 'ab', 4, 7, 2, 2.71828, 'xyz', 'z', 3.9, 7))
print("%s" % (("t", "u"),), "%s" % {"k": 1}, "%-*s|" % (-4, "ab"))
print("%e %E %g %G %f" % (0.0, 1e-10, 1e20, 1.5e-5, 1e16), "%.0f %.1f %5.1e" % (2.5, 0.05, 123456))
print("%x %X %o %d" % (-255, 255, -8, True), "%%%s%%" % 'p', "%5s|%-5s|" % ('ab', 'cd'), "%05d" % -42, "%#06x" % 255, "%.3d" % 7)
for fmt, arg in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("hi", 5), ("%(k)s", 5),
                 ("%c", "ab"), ("%x", 1.5), ("%", 1), ("%f", "s"), ("%(k)s", {}), ("%c", 0x110000)]:
    try:
        print(repr(fmt % arg))
    except Exception as e:
        print(type(e).__name__, e)
