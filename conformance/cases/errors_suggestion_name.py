# An uncaught NameError from a typo: 3.10+ adds "Did you mean" with the closest local, global or builtin name.
def average(values):
    total = 0
    for v in values:
        total += v
    return totl / len(values)
print(average([1, 2, 3]))
