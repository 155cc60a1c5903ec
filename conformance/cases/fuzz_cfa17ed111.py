# fuzz seed 21093, shrunk: pymem 3.6 differs in "stdout: is / is"
import gc, sys, weakref
gc.collect()
v1 = -6
v2 = -6
print("is", v1 is v2)
