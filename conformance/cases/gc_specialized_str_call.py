# A one-argument str() call site, once specialized (3.12: CALL_NO_KW_STR_1, from its second execution), calls PyObject_Str() without packing the argument in a tuple; 3.12's str has no vectorcall, so the generic call packs one — a counted allocation when the free list is empty (a full collection empties it). 3.13's str has a vectorcall; 3.11 quickens the code only after 8 loop iterations.
import gc
def probe():
    out = [None] * 4
    for i in range(4):
        gc.collect()
        n = str(i)
        out[i] = gc.get_count()
    print(out)
probe()
