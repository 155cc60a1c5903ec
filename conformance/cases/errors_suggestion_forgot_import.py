# A standard-library module used without import: 3.12+ asks "Did you forget to import 'math'?".
def hypotenuse(a, b):
    return math.sqrt(a * a + b * b)
print(hypotenuse(3, 4))
