# How an exception nothing can catch is written (PyErr_WriteUnraisable, write_unraisable_exc_file()): its own traceback only, without the __context__ chain; 3.11/3.12's C traceback printer underlines the failing expression, 3.13's does not; an exception raised before any frame of its own (a callback called with the wrong number of arguments, a built-in __del__) gets the running frame's entry from 3.8. The callbacks have a repr without an address, so the output is the same at every run.
import gc
class Named:
    def __repr__(self):
        return "<" + type(self).__name__ + ">"
class BadAdd(Named):
    def __call__(self, phase, info):
        x = [1]
        x[0] + "s"
class Chained(Named):
    def __call__(self, phase, info):
        try:
            1 / 0
        except ZeroDivisionError:
            raise KeyError("k")
class WrongArity(Named):
    def __call__(self, phase):
        pass
for cb in [BadAdd(), Chained(), WrongArity()]:
    gc.callbacks.append(cb)
    gc.collect()
    gc.callbacks.remove(cb)
    print("after", cb)
class BuiltinDel:
    __del__ = len
def drop():
    o = BuiltinDel()
    del o
drop()
print("done")
