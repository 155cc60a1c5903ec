# f-strings: formatting, conversions, nested expressions, format specs.
x = 3.14159
name = "pymem"
items = [1, 2]
print(f"{name}: {x:.2f} {x!r} {items} {len(items)}")
print(f"{name!r:>10}|{42:05d}|{255:#x}|{0.5:%}")
print(f"{'nested ' + name}")
print(f"{{braces}} {1 + 1}")
print(f"{3:{'>'}{5}}")
