import { describe, expect, test } from 'vitest';
import { runProgram } from '../run';

const VERSIONS = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

/**
 * The argument converters of the built-ins: every built-in function in `builtins`
 * and every method of the built-in types (as `dir()` lists them, so a method added
 * later is covered without touching this test) is called with an argument of a
 * wrong type — None, 0, -1, 1.5, '', 'x', b'x', [], (), {}, a tuple of wrong things,
 * an instance of a user class — in each position of one to three arguments (the
 * others `'x'` or `1`, so a check behind the first is reached), as `self` of the
 * unbound method, and as the value of each keyword it takes. Each call must return
 * or raise a Python exception, which the program catches; a JavaScript error inside
 * a built-in ends the run instead. The messages are checked against the
 * interpreters by the conformance cases errors_builtin_argument_types_*.
 */
const PROGRAM = `import builtins, gc, sys

# The label of each call, written to stderr before it, is made only to find a failing call.

def gen():
    yield 1

class C:
    pass

SAMPLES = {
    'int': lambda: 5, 'bool': lambda: True, 'float': lambda: 1.5, 'str': lambda: 'ab', 'bytes': lambda: b'ab',
    'tuple': lambda: (1, 2), 'list': lambda: [1, 2], 'dict': lambda: {1: 2}, 'set': lambda: {1},
    'frozenset': lambda: frozenset([1]), 'object': lambda: object(), 'type': lambda: int, 'range': lambda: range(3),
    'slice': lambda: slice(1), 'generator': gen, 'module': lambda: gc, 'bytearray': lambda: bytearray(b'ab'),
}
WRONG = [None, 0, -1, 1.5, '', 'x', b'x', [], (), {}, (None, 1.5), C()]
# Keyword parameters of the built-ins (a call with one the function does not take is refused by name).
KEYWORDS = ['sep', 'end', 'file', 'flush', 'key', 'reverse', 'default', 'maxsplit', 'encoding', 'errors', 'keepends',
            'tabsize', 'start', 'base', 'ndigits', 'strict', 'count', 'bytes_per_sep', 'exp', 'mod', 'number',
            'iterable', 'object', 'source', 'fget', 'fset', 'fdel', 'doc', 'x', 'globals', 'locals']
SKIP = {'input', 'open'}
calls = 0

def attempt(label, f, args, kw):
    global calls
    calls += 1
    if TRACE:
        print(label(), file=sys.stderr)
    try:
        f(*args, **kw)
    except Exception as e:
        return e

def fuzz(label, get, unbound):
    for n in (1, 2, 3):
        for i in range(n):
            for filler in ('x', 1) if n > 1 else ('x',):
                for w in WRONG:
                    args = [filler] * n
                    args[i] = w
                    attempt(lambda: '%s %r' % (label, args), get(), args, {})
    for k in KEYWORDS:
        refused = attempt(lambda: '%s x, %s=%r' % (label, k, 'x'), get(), ['x'], {k: 'x'})
        if isinstance(refused, TypeError) and 'keyword' in str(refused):
            continue
        for w in WRONG:
            attempt(lambda: '%s %s=%r' % (label, k, w), get(), [], {k: w})
            attempt(lambda: '%s x, %s=%r' % (label, k, w), get(), ['x'], {k: w})
    if unbound is not None:
        for w in WRONG:
            attempt(lambda: '%s self=%r' % (label, w), unbound, [w], {})
            attempt(lambda: '%s self=%r, x' % (label, w), unbound, [w, 'x'], {})

names = 0
for name in dir(builtins):
    f = getattr(builtins, name)
    if name in SKIP or not callable(f) or (isinstance(f, type) and issubclass(f, BaseException)):
        continue
    names += 1
    fuzz(name, lambda: f, None)
for tname, make in SAMPLES.items():
    for mname in dir(type(make())):
        names += 1
        fuzz(tname + '.' + mname, lambda: getattr(make(), mname), getattr(type(make()), mname))
print(names, calls)
`;

describe('every built-in called with arguments of the wrong types raises a Python exception', () => {
  for (const version of VERSIONS) {
    test(version, () => {
      const run = (trace: boolean) => {
        let out = '';
        let lastCall = '';
        let result;
        let error: unknown = null;
        try {
          result = runProgram({
            source: `TRACE = ${trace ? 'True' : 'False'}\n${PROGRAM}`,
            path: 'prog.py',
            version,
            write: (stream, text) => {
              // print() writes the label and its newline separately: keep the last line.
              if (stream === 'stderr') lastCall = text === '\n' ? lastCall : text;
              else out += text;
            },
          });
        } catch (e) {
          error = e;
        }
        return { out, lastCall: lastCall.trim(), exitCode: result?.exitCode, error };
      };
      const { out, exitCode, error } = run(false);
      if (error !== null || exitCode !== 0) {
        // Run again with each call's label written out, to name the one that failed.
        const traced = run(true);
        // The program catches every Python exception, so what escapes is a JavaScript error inside a built-in.
        if (traced.error !== null) expect.fail(`${String(traced.error)} in the call ${traced.lastCall}`);
        expect(traced.exitCode, `the run ended at ${traced.lastCall}: ${traced.out.slice(-300)}`).toBe(0);
      }
      const [names, calls] = out.trim().split('\n').pop()!.split(' ').map(Number);
      // Well over three hundred functions and methods, 144 calls each and more with keywords or self.
      expect(names).toBeGreaterThan(300);
      expect(calls).toBeGreaterThan(names! * 144);
    }, 120_000);
  }
});
