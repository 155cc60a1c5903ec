# A TypeError from adding incompatible types, inside nested calls.
def add(a, b):
    return a + b
def outer():
    return add(1, "2")
outer()
