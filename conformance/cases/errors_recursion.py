# Unbounded recursion raises RecursionError (the traceback repeats lines and is collapsed).
import sys
sys.setrecursionlimit(100)
depth = 0
def down():
    global depth
    depth += 1
    down()
try:
    down()
except RecursionError as e:
    print("caught RecursionError", depth < 100)
depth = 0
down()
