# A class holds its __mro__, __bases__ and __dict__; instances look attributes up through them.
class A:
    x = "A.x"
class B(A):
    pass
class C(B):
    x = "C.x"
print([k.__name__ for k in C.__mro__])
print(B().x, C().x)
print(C.__bases__ == (B,))
print("x" in C.__dict__, "x" in B.__dict__)
