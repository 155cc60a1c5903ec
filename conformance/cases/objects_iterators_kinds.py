# Every iterable kind has its own iterator type.
for obj in [[1], (1,), {1: 2}, {1}, "a", range(1), b"a", {1: 2}.items(), {1: 2}.values()]:
    print(type(iter(obj)).__name__)
