# gc.get_count() of a first and a second call with keywords: from 3.8 Argument Clinic's fast path skips the argument parser for positional calls, so the first call with keywords makes the parser's keyword-name tuple (parser_init()) and keeps it; 3.12 made those tuples static, 3.13's min/max parse keywords by hand.
import gc
import sys

s = "a b\nc\td"
b = b"xy"
data = [3, 1, 2]
calls = [
    ("sorted key", lambda: sorted(data, key=None)),
    ("list.sort reverse", lambda: [2, 1].sort(reverse=True)),
    ("int base", lambda: int("11", base=2)),
    ("enumerate start", lambda: enumerate(data, start=1)),
    ("str.split sep", lambda: s.split(sep=" ")),
    ("str.rsplit maxsplit", lambda: s.rsplit(maxsplit=1)),
    ("str.splitlines keepends", lambda: s.splitlines(keepends=True)),
    ("str.expandtabs tabsize", lambda: s.expandtabs(tabsize=4)),
    ("str.encode encoding", lambda: s.encode(encoding="utf-8")),
    ("bytes.decode errors", lambda: b.decode(errors="strict")),
    ("round ndigits", lambda: round(2.5, ndigits=1)),
    ("max default", lambda: max(data, default=0)),
]
if sys.version_info >= (3, 8):
    calls.append(("sum start", lambda: sum(data, start=0)))
    calls.append(("min key", lambda: min(data, key=None)))
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
