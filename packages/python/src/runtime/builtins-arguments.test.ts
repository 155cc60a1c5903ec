import { describe, expect, test } from 'vitest';
import { runProgram } from '../run';

const VERSIONS = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

/**
 * The front door of the built-ins: every built-in function in `builtins` and every
 * method of the built-in types (as `dir()` lists them, so a method added later is
 * covered without touching this test) is called with 0–4 arguments and with an
 * unknown keyword. Each call must return or raise a Python exception, which the
 * program catches; a JavaScript error inside a built-in ends the run instead.
 */
const PROGRAM = `import builtins, gc

def gen():
    yield 1

SAMPLES = {
    'int': lambda: 5, 'bool': lambda: True, 'float': lambda: 1.5, 'str': lambda: 'ab', 'bytes': lambda: b'ab',
    'tuple': lambda: (1, 2), 'list': lambda: [1, 2], 'dict': lambda: {1: 2}, 'set': lambda: {1},
    'frozenset': lambda: frozenset([1]), 'object': lambda: object(), 'type': lambda: int, 'range': lambda: range(3),
    'slice': lambda: slice(1), 'generator': gen, 'module': lambda: gc, 'bytearray': lambda: bytearray(b'ab'),
}
SKIP = {'input', 'print', 'open'}
calls = 0

def attempt(f, args, kw):
    global calls
    calls += 1
    try:
        f(*args, **kw)
    except Exception:
        pass

def each(make):
    for n in range(5):
        attempt(make(), ['x'] * n, {})
    attempt(make(), [], {'zz': 1})
    attempt(make(), ['x'], {'zz': 1})

names = 0
for name in dir(builtins):
    f = getattr(builtins, name)
    if name in SKIP or not callable(f) or (isinstance(f, type) and issubclass(f, BaseException)):
        continue
    names += 1
    each(lambda: f)
for tname, make in SAMPLES.items():
    for mname in dir(type(make())):
        names += 1
        each(lambda: getattr(make(), mname))
print(names, calls)
`;

describe('every built-in called with the wrong arguments raises a Python exception', () => {
  for (const version of VERSIONS) {
    test(version, () => {
      let out = '';
      try {
        runProgram({ source: PROGRAM, path: 'prog.py', version, write: (_s, text) => (out += text) });
      } catch (e) {
        // The program catches every Python exception, so what escapes is a JavaScript error inside a built-in.
        expect.fail(`${String(e)}; the program's output ended: ${out.slice(-200)}`);
      }
      const [names, calls] = out.trim().split(' ').map(Number);
      // Well over a hundred functions and methods, seven calls each.
      expect(names).toBeGreaterThan(300);
      expect(calls).toBe(names! * 7);
    });
  }
});
