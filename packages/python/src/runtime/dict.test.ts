import { describe, expect, test } from 'vitest';
import { runProgram } from '../run';

/** Runs a program with the invariant checker on; returns stdout (stderr appended when any). */
function run(source: string, version: string): string {
  let out = '';
  runProgram({
    source,
    path: 'prog.py',
    version,
    checkInvariants: true,
    write: (_stream, text) => {
      out += text;
    },
  });
  return out;
}

const VERSIONS = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];
const col = (xs: unknown[], v: string) => xs[VERSIONS.indexOf(v)];

// Every expected value below was printed by CPython 3.6.15 … 3.13.0 (PYTHONHASHSEED=0).
describe('sys.getsizeof(dict) in every state', () => {
  const prog = `import sys
g = sys.getsizeof
d = {}
print(g(d), g(dict()), g({'a': 1, 'b': 2}), g({1: 1, 2: 2}))
d = {i: i for i in range(20)}
for i in range(12): del d[i]
print(g(d), g(d.copy()), g(dict(d)))
d.clear()
print(g(d))
d = {'a': 1}
d[1] = 2
print(g(d))
print([g({0: 0, 1: 0, 2: 0, 3: 0, 4: 0}), g({0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0}), g({0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0})])
print(g({}.copy()), g(dict(**{'k': 1})))
`;
  const expected = [
    '248 248 248 248\n656 376 376\n80\n248\n[248, 376, 656]\n248 248\n',
    '248 248 248 248\n656 376 376\n80\n248\n[248, 376, 656]\n248 248\n',
    '64 232 232 232\n640 360 360\n64\n232\n[232, 360, 640]\n64 232\n',
    '64 232 232 232\n640 360 360\n64\n232\n[232, 360, 640]\n64 232\n',
    '64 64 232 232\n640 360 360\n64\n232\n[232, 360, 640]\n64 232\n',
    '64 64 184 224\n632 352 352\n64\n352\n[224, 352, 632]\n64 184\n',
    '64 64 184 224\n632 352 352\n64\n352\n[224, 352, 632]\n64 184\n',
    '64 64 184 224\n632 352 352\n64\n352\n[224, 352, 632]\n64 184\n',
  ];
  for (const v of VERSIONS) test(v, () => expect(run(prog, v)).toBe(col(expected, v)));
});

describe('key-sharing instance dicts', () => {
  const prog = `import sys
g = sys.getsizeof
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
a = P()
b = P()
print(g(a.__dict__), g(dict(a.__dict__)), g(a.__dict__.copy()))
b.w = 4
print(g(b.__dict__))
class Q:
    def __init__(self):
        for i in range(6):
            setattr(self, 'x%d' % i, i)
q = Q()
print(g(q.__dict__))
c = P()
c.__dict__[1] = 2
print(g(c.__dict__))
`;
  // 3.11+: two P instances leave the shared keys 28 usable slots; a third, 27.
  const expected = [
    '120 248 120\n120\n160\n376\n',
    '120 248 120\n120\n160\n376\n',
    '104 232 104\n104\n144\n360\n',
    '104 232 104\n104\n144\n360\n',
    '104 360 104\n104\n144\n360\n',
    '288 272 288\n288\n296\n352\n',
    '288 272 288\n288\n296\n352\n',
    '288 272 288\n288\n296\n352\n',
  ];
  for (const v of VERSIONS) test(v, () => expect(run(prog, v)).toBe(col(expected, v)));
});
