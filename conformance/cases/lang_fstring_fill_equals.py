# A format spec may start with "=" (fill character): f"{x:=^10}" is not a walrus.
width = 12
title = "gc"
print(f"{title:=^{width}}")
print(f"{' heap ':=^20}|{3.5:=>8.2f}|{-42:=+6d}|{7:=<4}")
print(f"{title!r:=^10}", f"{[1, 2][0]:=>3}", f"{ {'a': 1}['a']:=^5}")
print(f"{'x' if width > 3 else 'y':=^5}", f"{f'{title:=>4}':=<6}")
