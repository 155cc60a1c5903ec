# The errors of deleting (and setting) attributes: up to 3.10 deleting a name missing from an object's __dict__ raises AttributeError(name) (PyDict_DelItem's KeyError converted) and makes the instance dict first; 3.11+ name the object ("type object 'C' …" for a class); 3.13 adds "and no __dict__ …" for objects without one; built-in types refuse with a TypeError whose text changed in 3.10.
import gc, sys

class C:
    pass

class S:
    __slots__ = ("a",)

def show(label, f):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(label, type(e).__name__, e)

o = C()
def del_fresh():
    del o.zz
gc.collect()
show("del fresh instance", del_fresh)
print("count after", gc.get_count()[0])
o.x = 1
show("del instance", del_fresh)
show("delattr instance", lambda: delattr(o, "zz"))
def del_slot():
    del S().a
show("del empty slot", del_slot)
def del_class():
    del C.zz
show("del class", del_class)
def del_module():
    del sys.zz
show("del module", del_module)
def del_builtin_type():
    del int.zz
show("del int attribute", del_builtin_type)
def set_builtin_type():
    int.zz = 1
show("set int attribute", set_builtin_type)
def set_slots():
    S().zz = 1
show("set slots instance", set_slots)
def del_slots():
    del S().zz
show("del slots instance", del_slots)
def set_int():
    (5).zz = 1
show("set int", set_int)
o.zz = 3
del o.zz
print("deleted", hasattr(o, "zz"))
