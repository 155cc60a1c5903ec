# sys.getsizeof of module objects, the built-in functions of a module and the
# methods bound to a module: `sys.getsizeof(sys)` binds `object.__sizeof__` to
# the module, which must be called with the module as its argument.
import sys, gc

print("sys", sys.getsizeof(sys))
print("gc", sys.getsizeof(gc))
print("module type", sys.getsizeof(type(sys)) > 0)
print("sys.getsizeof", sys.getsizeof(sys.getsizeof))
print("gc.collect", sys.getsizeof(gc.collect))
print("bound to sys", sys.getsizeof(sys.__sizeof__))
print("sys.__sizeof__()", sys.__sizeof__())
print(repr(gc.collect)[:30])
print(repr(sys.__sizeof__).split(" at ")[0])
print(type(sys.__sizeof__).__name__, type(gc.collect).__name__)
print(sys.__class__.__name__, gc.__class__ is type(sys))
print(sys.__name__, gc.__name__)
try:
    sys.no_such_name
except AttributeError as e:
    print(e)
