import gc, sys
class A:
    __slots__ = ('o', 'n')
    def __del__(self):
        print('del', self.n); self.o = None
gc.collect()
a = A(); a.n = 'a'; b = A(); b.n = 'b'; a.o = b; b.o = a
del a, b
print('breaks', gc.collect())
# finalizer order when one of the cycle is reachable from another trash object that appears later
a = A(); a.n='a'; b = A(); b.n='b'; c = A(); c.n='c'
c.o = a; a.o = [c]; b.o = b
del a, b, c
print('mixed', gc.collect())
