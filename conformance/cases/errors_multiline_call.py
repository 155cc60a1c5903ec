# An exception in a call spanning two lines: the line reported (3.6/3.7 the last, 3.8+ the first) and, 3.11/3.12, carets to the line's end.
def ratio(a, b):
    return a / b
result = ratio(1,
               0)
