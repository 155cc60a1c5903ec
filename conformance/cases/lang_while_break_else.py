# while/for with break, continue and else.
n = 0
while True:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
    print("even", n)
for i in range(3):
    if i == 5:
        break
else:
    print("no break")
i = 10
while i > 0:
    i -= 3
else:
    print("while else", i)
