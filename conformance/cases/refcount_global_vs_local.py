# Globals live in the module dict; a global statement rebinds it.
import sys
target = []
base = sys.getrefcount(target)
holder = None
def keep():
    global holder
    holder = target
keep()
print(sys.getrefcount(target) - base)
def drop():
    global holder
    holder = None
drop()
print(sys.getrefcount(target) - base)
