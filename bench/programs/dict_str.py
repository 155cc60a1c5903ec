# Dict and str work: building strings (f-strings, join, split, methods),
# counting words in a dict, dict iteration and update.
SCALE = 1
N = int(120_000 * SCALE)

words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
counts = {}
index = {}
for i in range(N):
    w = words[i % 8]
    key = f"{w}-{i % 97}"
    counts[key] = counts.get(key, 0) + 1
    line = " ".join([w, str(i), key.upper()])
    parts = line.split(" ")
    index[parts[1]] = parts[2].lower()
    if len(index) > 1000:
        index = {}
total = 0
for k, v in sorted(counts.items()):
    total += v * len(k)
merged = {}
for k in counts:
    merged.update({k: len(k), k.replace("-", "_"): counts[k]})
print(len(counts), total, len(merged), len(index))
