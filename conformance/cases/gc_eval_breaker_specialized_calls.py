# A collection scheduled by an allocation (3.12+) runs at the next eval-breaker check. Once a call site has run twice it is specialized, and four of CALL's specialized forms end without that check: `l.append(x)` as a statement, `len(x)`, `isinstance(x, T)`, `type(x)`. The first iteration checks, later ones do not; every other call checks each time.
import gc

class WithInit:
    def __init__(self):
        pass

class Plain:
    pass

def pyfunc():
    return 1

def probe(name, op):
    keep = [None] * 40
    counts = [None] * 8
    l = [1, 2, 3]
    d = {1: 2}
    s = "abc"
    gc.collect()
    gc.set_threshold(1, 1000, 1000)
    for i in range(8):
        keep[2 * i] = {i}
        keep[2 * i + 1] = {i}
        if op == 0:
            l.append(i)
        elif op == 1:
            n = len(l)
        elif op == 2:
            n = isinstance(l, list)
        elif op == 3:
            n = type(l)
        elif op == 4:
            n = str(i)
        elif op == 5:
            n = tuple(l)
        elif op == 6:
            n = abs(i)
        elif op == 7:
            n = max(i, 2)
        elif op == 8:
            n = d.get(1)
        elif op == 9:
            n = s.upper()
        elif op == 10:
            n = pyfunc()
        elif op == 11:
            n = WithInit()
        elif op == 12:
            n = Plain()
        elif op == 13:
            n = l.pop()
            l.append(n)
        elif op == 14:
            n = l.append(i)
        elif op == 15:
            n = repr(i)
        counts[i] = gc.get_count()[0]
    gc.set_threshold(700, 10, 10)
    print(name, counts)

names = ["append", "len", "isinstance", "type", "str", "tuple", "abs", "max",
         "dict.get", "str.upper", "pyfunc", "WithInit", "Plain", "pop", "n = append", "repr"]
for op, name in enumerate(names):
    probe(name, op)
