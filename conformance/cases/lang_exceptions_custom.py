# Custom exception classes, args, str and chaining.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(42, "bad thing")
except AppError as e:
    print(e, e.code, e.args, repr(e))
try:
    int("x")
except ValueError as e:
    print(e)
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), str(e))
try:
    raise TypeError
except Exception as e:
    print(type(e).__name__, e.args)
