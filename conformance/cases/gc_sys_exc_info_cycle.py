# sys.exc_info() inside the handler; storing the traceback in a local of the frame it names makes a cycle.
import gc, sys
class Node:
    def __del__(self):
        print("del Node")
def f():
    n = Node()
    try:
        raise KeyError("k")
    except KeyError:
        info = sys.exc_info()
    print("types", info[0].__name__, type(info[1]).__name__, type(info[2]).__name__)
    return None
gc.collect()
f()
print("after call")
print("collect", gc.collect())
print("exc_info now", sys.exc_info())
