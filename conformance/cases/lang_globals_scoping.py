# LEGB scoping: local, enclosing, global, builtin; UnboundLocalError.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def shadow():
    len = lambda s: 0
    return len("abc")
print(shadow(), len("abc"))
def broken():
    try:
        print(x)
        x = 1
    except UnboundLocalError:
        print("UnboundLocalError")
broken()
