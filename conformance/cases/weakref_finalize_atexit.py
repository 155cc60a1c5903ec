# finalize objects still alive at exit run at interpreter shutdown (atexit=True by default).
import weakref
class A:
    pass
def done(tag):
    print("finalized", tag)
keep = A()
weakref.finalize(keep, done, "at exit")
other = A()
f = weakref.finalize(other, done, "not at exit")
f.atexit = False
print("end of program")
