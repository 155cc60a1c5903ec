# type(x) returns the class object, shared by all instances.
print(type(1) is int, type(True) is bool)
print(type([]) is type([1, 2]))
class A:
    pass
print(type(A()) is A, type(A) is type)
print(type(type) is type)
print(A.__class__ is type)
