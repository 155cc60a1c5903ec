# Chasing a leak: a saved exception keeps the failing frame, and every local in it, alive.
import gc
import sys
import weakref


class Buffer:
    """Stands in for something big: an image, a parsed file, a model."""

    def __init__(self, name):
        self.name = name


errors = []


def process(name):
    buf = Buffer(name)
    raise ValueError("could not process " + name)


def run(names):
    for name in names:
        try:
            process(name)
        except ValueError as e:
            errors.append(e)  # the leak: the traceback holds process()'s frame


gc.collect()
run(["a", "b", "c"])
frames = [e.__traceback__.tb_next.tb_frame for e in errors]
bufs = [f.f_locals["buf"] for f in frames]
probes = [weakref.ref(b) for b in bufs]
del frames, bufs
print("buffers alive while errors are kept:", sum(p() is not None for p in probes))

print("fix 1: drop the tracebacks, keep the messages")
for e in errors:
    e.__traceback__ = None
print("buffers alive:", sum(p() is not None for p in probes))

print("fix 2: keep only what you need from an exception")
messages = []
for name in ["d", "e"]:
    try:
        process(name)
    except ValueError as e:
        messages.append(str(e))
print(messages)
print("refcount of a fresh message list:", sys.getrefcount(messages))
