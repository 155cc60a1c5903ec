# Assigning past the end of a list: IndexError, underlined with the subscript anchored (3.11+).
scores = [90, 85]
scores[0] = 95
scores[2] = 70
