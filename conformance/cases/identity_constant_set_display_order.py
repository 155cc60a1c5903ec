# From 3.9 a set display of three or more constants is built from one
# frozenset constant (BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE): the
# compiler makes the frozenset from the display, then merge_consts_recursive()
# makes it again from the first one's iteration order, and set_update copies
# that table. Where hashes collide, the printed order shows each step.
print({1, 2, 3, "a", "b", 100, -5})
print({"a", "b", 100, -5})
x = {1, 2, 3, "a", "b", 100}
x.add(-5)
print(x)
print(frozenset([1, 2, 3, "a", "b", 100, -5]))
print({"x", "y", "z", 7, -7, 2**10})
print({(1, 2), (3, -4), "t"})
