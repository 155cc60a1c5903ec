# frame.f_back of a running frame is the caller's frame object: from 3.11 asking
# for it makes that frame object (PyFrame_GetBack() -> _PyFrame_GetFrameObject()).
import sys


def inner():
    f = sys._getframe()
    b = f.f_back
    print("f_back", b is not None, b.f_code.co_name, b.f_back.f_code.co_name, b.f_back.f_back)
    print("same object", b is f.f_back, b is sys._getframe(1), sys.getrefcount(b))
    return f


def outer():
    return inner()


fr = outer()
print("after return", fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name)


def tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__


t = tb()
print("traceback frame", t.tb_frame.f_code.co_name, t.tb_frame.f_back.f_code.co_name)
