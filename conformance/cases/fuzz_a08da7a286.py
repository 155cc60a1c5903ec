# fuzz seed 20255, shrunk: pymem 3.12 differs in "stdout: size / size"
import gc, sys, weakref
gc.collect()
v0 = [].append
print("size", sys.getsizeof(v0))
