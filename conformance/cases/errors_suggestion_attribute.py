# An uncaught AttributeError from a typo in a method name: 3.10+ suggests the closest attribute.
stack = [1, 2]
stack.append(3)
stack.apend(4)
