# A suspended generator in a cycle: the collector finalizes it (closing it runs its finally) before clearing.
import gc
class Box:
    pass
def gen(box):
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
gc.collect()
b = Box()
b.g = gen(b)
next(b.g)
del b
print("collect", gc.collect())
print("again", gc.collect())
