# An instance's __dict__ holds its attributes; vars() returns the same dict.
class P:
    pass
p = P()
p.x = 1
p.y = [2]
print(vars(p) is p.__dict__)
print(sorted(p.__dict__))
p.__dict__["z"] = 3
print(p.z)
del p.x
print(sorted(vars(p)))
