# Identifier-like string constants are interned at compile time; others are not across code objects.
def f():
    return "spam_eggs"
def g():
    return "spam_eggs"
print(f() is g())
def h():
    return "spam eggs!"
def k():
    return "spam eggs!"
print(h() is k(), h() == k())
x = "spam_eggs"
print(x is f())
