# Objects held by frames are released after the traceback is printed, at shutdown.
class Noisy:
    def __del__(self):
        print("Noisy released")
def fail():
    keep = Noisy()
    raise RuntimeError("fail with a local alive")
fail()
