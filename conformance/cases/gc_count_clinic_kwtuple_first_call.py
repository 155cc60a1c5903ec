# gc.get_count() of a first and a second call of built-ins with keyword parameters: 3.7's Argument Clinic makes the parser's keyword-name tuple at a function's first call (parser_init()) and keeps it, so the first call counts one more (str.rsplit, str.splitlines, str.expandtabs, bytes.decode, round: start-up has not called them; str.split it has).
import gc

s = "a b\nc"
b = b"xy"
x = 2.5
calls = [
    ("str.rsplit", lambda: s.rsplit()),
    ("str.split", lambda: s.split()),
    ("str.splitlines", lambda: s.splitlines()),
    ("str.expandtabs", lambda: s.expandtabs()),
    ("bytes.decode", lambda: b.decode()),
    ("round", lambda: round(x)),
]
for name, call in calls:
    gc.collect()
    before = gc.get_count()
    call()
    first = gc.get_count()[0] - before[0]
    gc.collect()
    before = gc.get_count()
    call()
    second = gc.get_count()[0] - before[0]
    print(name, first, second)
