# test_finalization: __del__ of one cycle member stores a reference to another member.
import gc
keep = []
class A:
    def __del__(self):
        keep.append(self.partner)
class B:
    pass
gc.collect()
a = A()
b = B()
a.partner = b
b.partner = a
del a, b
print(gc.collect())
print(len(keep), type(keep[0]).__name__, type(keep[0].partner).__name__)
keep.clear()
print(gc.collect())
