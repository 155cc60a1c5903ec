# test_finalization: __del__ runs only once even if the object is resurrected and dies again.
import gc
saved = []
class Once:
    def __del__(self):
        print("__del__")
        saved.append(self)
gc.collect()
o = Once()
o.cycle = o
del o
gc.collect()
print("survived:", len(saved))
saved.clear()
gc.collect()
print("second time: no __del__")
