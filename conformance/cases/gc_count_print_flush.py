# gc.get_count() of print(..., flush=True) and sys.stdout.flush(): the io stack flushes the text to the buffer and the buffer to the file, up to 3.7 calling write through bound built-in methods and up to 3.8 buffer.flush too.
import gc
import sys
for i in range(3):
    gc.collect()
    c0 = gc.get_count()[0]
    print("x", flush=True)
    c1 = gc.get_count()[0]
    print("y", end="", flush=True)
    c2 = gc.get_count()[0]
    print(flush=True)
    c3 = gc.get_count()[0]
    print("", end="", flush=True)
    c4 = gc.get_count()[0]
    sys.stdout.flush()
    c5 = gc.get_count()[0]
    print("z")
    sys.stdout.flush()
    c6 = gc.get_count()[0]
    print(c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, c6 - c5)
