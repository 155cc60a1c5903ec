import { describe, expect, test } from 'vitest';
import { runProgram } from '../run';

/** Runs a program with the invariant checker on; returns stdout, stderr and the exit status. */
function run(source: string, version = '3.12'): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  const { exitCode } = runProgram({
    source,
    path: 'prog.py',
    version,
    checkInvariants: true,
    write: (stream, text) => {
      if (stream === 'stdout') out += text;
      else err += text;
    },
  });
  return { out, err, code: exitCode };
}

const prelude = 'import weakref\nclass A:\n    pass\n';

describe('weakref.ref', () => {
  test('returns the referent, then None; the basic ref is shared', () => {
    const { out } = run(`${prelude}a = A()\nr = weakref.ref(a)\nprint(r() is a, weakref.ref(a) is r, weakref.ref(a, print) is r)\ndel a\nprint(r())\n`);
    expect(out).toBe('True True False\nNone\n');
  });

  test('hash is the referent\'s, remembered; a dead ref never hashed raises', () => {
    const { out } = run(`${prelude}a = A()\nr = weakref.ref(a)\nprint(hash(r) == hash(a))\ndel a\nprint(hash(r) == hash(r))\nb = A()\nr2 = weakref.ref(b)\ndel b\ntry:\n    hash(r2)\nexcept TypeError as e:\n    print(e)\n`);
    expect(out).toBe('True\nTrue\nweak object has gone away\n');
  });

  test('== compares referents while alive, identity once dead', () => {
    const { out } = run(`${prelude}a = A()\nr1 = weakref.ref(a)\nr2 = weakref.ref(a, lambda r: None)\nprint(r1 == r2)\ndel a\nprint(r1 == r2, r1 == r1)\n`);
    expect(out).toBe('True\nFalse True\n');
  });

  test('__callback__ and the types that refuse weak references', () => {
    const { out } = run(`${prelude}a = A()\nprint(weakref.ref(a).__callback__, weakref.ref(a, print).__callback__)\ntry:\n    weakref.ref(1)\nexcept TypeError as e:\n    print(e)\n`);
    expect(out).toBe('None <built-in function print>\ncannot create weak reference to \'int\' object\n');
  });

  test('type names follow the version', () => {
    expect(run(`${prelude}print(type(weakref.ref(A)).__name__, weakref.ProxyType)\n`, '3.9').out).toBe("weakref <class 'weakproxy'>\n");
    expect(run(`${prelude}print(type(weakref.ref(A)).__name__, weakref.ProxyType)\n`, '3.12').out).toBe("ReferenceType <class 'weakref.ProxyType'>\n");
  });

  test('callbacks run newest first, after the referent is gone', () => {
    const { out } = run(`${prelude}a = A()\nrs = [weakref.ref(a, lambda r, i=i: print(i, r() is None)) for i in range(3)]\ndel a\n`);
    expect(out).toBe('2 True\n1 True\n0 True\n');
  });
});

describe('weakref.proxy', () => {
  test('forwards attributes, calls and operators; ReferenceError once dead', () => {
    const src = `import weakref
class A:
    def __init__(self):
        self.v = 1
    def __call__(self):
        return "called"
    def __len__(self):
        return 3
a = A()
p = weakref.proxy(a)
p.w = 2
print(p.v, a.w, p(), len(p), p == a, type(p).__name__, weakref.proxy(a) is p)
print(weakref.getweakrefcount(a), [type(x).__name__ for x in weakref.getweakrefs(a)])
del a
try:
    p.v
except ReferenceError as e:
    print(e)
`;
    expect(run(src).out).toBe('1 2 called 3 True CallableProxyType True\n1 [\'CallableProxyType\']\nweakly-referenced object no longer exists\n');
  });
});

describe('Lib/weakref.py classes', () => {
  test('WeakValueDictionary drops entries whose values die', () => {
    const { out } = run(`${prelude}d = weakref.WeakValueDictionary()\na = A()\nb = A()\nd["a"] = a\nd["b"] = b\nprint(sorted(d), len(d), "a" in d)\ndel a\nprint(sorted(d.keys()), d.get("a"), d["b"] is b)\n`);
    expect(out).toBe("['a', 'b'] 2 True\n['b'] None True\n");
  });

  test('WeakKeyDictionary and WeakSet forget dead keys and members', () => {
    const { out } = run(`${prelude}d = weakref.WeakKeyDictionary()\ns = weakref.WeakSet()\nk = A()\nd[k] = 1\ns.add(k)\nprint(len(d), d[k], k in s, len(s))\ndel k\nprint(len(d), len(s), list(s))\n`);
    expect(out).toBe('1 1 True 1\n0 0 []\n');
  });

  test('finalize runs once, at death or at exit', () => {
    const src = `${prelude}def done(tag):
    print("finalized", tag)
a = A()
f = weakref.finalize(a, done, "a")
print(f.alive, f.peek()[2])
del a
print(f.alive, f())
keep = A()
weakref.finalize(keep, done, "at exit")
other = A()
g = weakref.finalize(other, done, "never")
g.atexit = False
print("end")
`;
    expect(run(src).out).toBe("True ('a',)\nfinalized a\nFalse None\nend\nfinalized at exit\n");
  });

  test('WeakMethod follows the object, not the bound method', () => {
    const src = `import weakref
class A:
    def m(self):
        return "m"
a = A()
print(weakref.ref(a.m)() is None)
wm = weakref.WeakMethod(a.m)
print(wm()())
del a
print(wm())
`;
    expect(run(src).out).toBe('True\nm\nNone\n');
  });
});
