# An uncaught ZeroDivisionError in a function: traceback on stderr, exit status 1.
def ratio(a, b):
    return a / b
print("before")
print(ratio(1, 0))
print("never printed")
