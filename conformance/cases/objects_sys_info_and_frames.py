# sys's start-up struct sequences (float_info, int_info, hash_info) and a frame's repr (3.7+ frame_repr(): file, current line, code), read while the frame runs and after it has finished.
import sys
f = sys._getframe()
print(repr(f).split(' at ')[0], repr(f).split(', ', 1)[-1] if ', ' in repr(f) else '')
def inner():
    g = sys._getframe()
    back = g.f_back
    print(back.f_lineno, repr(back).split(', ', 1)[-1] if ', ' in repr(back) else '')
    return g
done = inner()
print(done.f_lineno, repr(done).split(', ', 1)[-1] if ', ' in repr(done) else '')
print(sys.float_info)
print(type(sys.float_info).__name__, len(sys.float_info), sys.float_info[0], sys.float_info.dig, sys.float_info.epsilon)
print(sys.maxsize, sys.byteorder)
print(sys.int_info)
print(sys.hash_info)
print(sys.hash_info.algorithm, sys.hash_info.modulus)
