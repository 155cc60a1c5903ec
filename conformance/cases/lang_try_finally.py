# try/except/else/finally: the order blocks run in, and return inside finally.
def f(x):
    try:
        print("try")
        if x:
            raise ValueError(x)
    except ValueError as e:
        print("except", e)
        return "from except"
    else:
        print("else")
        return "from else"
    finally:
        print("finally")
print(f(0))
print(f(1))
def g():
    try:
        return 1
    finally:
        print("cleanup before return")
print(g())
