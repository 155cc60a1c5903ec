# id([]) == id([]): the first list is freed before the second is made, and its memory reused.
print(id([]) == id([]))
print(id({}) == id({}))
print(id(object()) == id(object()))
a = []
print(id(a) == id([]))
