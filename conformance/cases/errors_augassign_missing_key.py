# Counting into a dict without a default: KeyError from the augmented assignment's subscript.
counts = {}
for word in ["a", "b", "a"]:
    counts[word] += 1
