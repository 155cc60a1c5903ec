import sys, json
cases = [
 "x = (1,\ny = 2\n", "(a if\n", "foo(a b)\n", "x = [1, 2\n", "x = )\n", "x = (]\n", "x = (\n]\n",
 "'abc\n", "x = 'abc\n", '"""abc\n\n', "f'abc\n",
 "if x:\npass\n", "if x:\n", "def f():\nreturn\n", "class C:\nx\n", "for x in y:\nz\n", "while x:\nz\n", "try:\nz\n", "try:\n  z\nexcept:\nz\n", "try:\n  z\nfinally:\nz\n", "with a:\nz\n", "if x:\n  y\nelse:\nz\n", "if x:\n  y\nelif z:\nz\n",
 "  x = 1\n", "x = 1\n  y = 2\n", "if x:\n    a\n  b\n", "if x:\n\ta\n        b\n",
 "1 = x\n", "f() = x\n", "a + b = 1\n", "(a, 1) = x\n", "x = 1 = 2\n", "None = 1\n", "True = 1\n", "[x for x in y] = 1\n", "a if b else c = 1\n", "lambda: 1 = 1\n", "del 1\n", "del f()\n", "del (a, 1)\n", "for 1 in x: pass\n", "f() += 1\n", "(a, b) += 1\n", "*a = 1\n", "a, *b, *c = x\n", "(a.b := 1)\n", "x: int, y: int = 1, 2\n", "(yield) = 1\n",
 "return\n", "break\n", "continue\n", "yield x\n", "class C:\n  return 1\n", "def f():\n  class C:\n    yield\n", "nonlocal x\n", "def f():\n  nonlocal x\n", "def f():\n  x = 1\n  global x\n", "def f():\n  print(x)\n  global x\n", "def f(a, a): pass\n", "def f(a=1, b): pass\n", "f(a=1, a=2)\n", "f(a=1, b)\n", "f(**k, *a)\n", "f(**k, a)\n", "lambda a, a: 0\n", "def f(x):\n  global x\n", "def f():\n  x = 1\n  def g():\n    global x\n    nonlocal x\n",
 "x = 1 +\n", "x = \n", "if x\n  pass\n", "def f()\n  pass\n", "class C\n  pass\n", "print 'hi'\n", "a b\n", "x = a b c\n", "f(a, b c)\n", "x = $\n", "x = 1 ? 2\n", "x = \u20ac\n", "x = a\\ b\n", "0777\n", "1__0\n", "0x\n", "1_\n", "b'\u00e9'\n", "'\\x1'\n", "'\\U00110000'\n", "b'\\x1'\n",
 "for x in y:\n  pass\nelse:\n  break\n", "while True:\n  def f():\n    break\n", "def f():\n  yield\n  return 1\n", "x = [i for i in range(3)]\nlambda: (yield)\n",
 "def f(*, a): pass\n", "def f(*): pass\n", "def f(**k, a): pass\n", "f(x for x in y, 1)\n", "x = yield = 1\n", "import a.b as c.d\n", "from . import *\nfrom x import (*)\n", "def f():\n  from x import *\n", "a, b += 1\n", "x = 1 if 2\n", "[x for x in y if]\n", "f(*)\n", "x[]\n", "(*a)\n", "print(*a)\n", "a = *b\n", "a = *b, c\n", "del *a\n", "del *a, b\n", "return *a\n", "def f():\n  return *a, b\n", "async def f(): pass\n", "match x:\n  case 1: pass\n", "type X = int\n",
 "x = (\n" + "(" * 10 + "\n", "(" * 201 + ")" * 201 + "\n", "x = [\n  1,\n  2\n",
 "def f():\n  x = 1\n  nonlocal x\n", "def f():\n  def g():\n    nonlocal y\n", "global x\nx = 1\nglobal x\n", "x = 1\nglobal x\n",
 "f(a for a in b for c in d)\n", "x = {**a: 1}\n", "x = {a: *b}\n", "'a' 'b' = 1\n", "f'{x}' = 1\n", "... = 1\n", "x.y.z = 1\n", "x() .y = 1\n", "__debug__ = 1\n", "def f(__debug__): pass\n",
 "if x:\n  pass\n else:\n  pass\n", "if True:\n        x\n    y\n", "def f(a, *, b=1, c): pass\n",
 "f(a, *b, c=1, **d, e=2)\n", "f(a=1, *b)\n", "class C(x for x in y): pass\n", "@x\nclass C: pass\n@y\nx = 1\n",
]
out = []
for src in cases:
    try:
        compile(src, "<s>", "exec")
        out.append({"src": src, "ok": True})
    except SyntaxError as e:
        out.append({"src": src, "kind": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset, "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text})
    except Exception as e:
        out.append({"src": src, "other": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout, indent=0)
