# A list from a literal is allocated exactly; list(range) and comprehension may over-allocate.
import sys
print(sys.getsizeof([]))
print(sys.getsizeof([1, 2, 3]))
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
print(sys.getsizeof(list(range(10))))
print(sys.getsizeof([i for i in range(10)]))
print(sys.getsizeof([0] * 10))
lst = [1, 2, 3]
lst.pop()
print(sys.getsizeof(lst))
lst.clear()
print(sys.getsizeof(lst))
