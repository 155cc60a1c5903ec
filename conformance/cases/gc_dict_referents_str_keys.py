# dict_traverse(): a dict whose keys are all str (a unicode-keys table) visits only
# its values; another dict visits each value, then its key, and stays so after
# its last non-str key is deleted. gc.get_referents and gc.get_referrers see that.
import gc

d = {"k1": [1], "k2": [2]}
print("str keys", gc.get_referents(d))
e = {"k": [3], 4000: [4]}
print("mixed keys", gc.get_referents(e))
t = (5000, "six")
f = {t: "v"}
print("tuple key", gc.get_referents(f) == ["v", t])
g = {"a": [7]}
g[8000] = [8]
del g[8000]
print("after del", gc.get_referents(g))
name = "".join(["na", "me"])
h = {name: [9]}
print("referrers of a str key", any(r is h for r in gc.get_referrers(name)))
i = {9000: [10]}
print("referrers of an int key", any(r is i for r in gc.get_referrers(9000)))
