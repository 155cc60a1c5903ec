# list growth by append over-allocates: the size jumps in steps.
import sys
lst = []
sizes = [sys.getsizeof(lst)]
for i in range(70):
    lst.append(i)
    s = sys.getsizeof(lst)
    if s != sizes[-1]:
        sizes.append(s)
        print(len(lst), s)
