/**
 * The generator and the shrinker, without any interpreter: programs are a function of
 * their seed, and shrinking keeps only what the mismatch needs.
 */
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript modules of this package, without declarations
import { generate, generateSource, render } from '../src/generate.mjs';
// @ts-expect-error: as above
import { shrink } from '../src/shrink.mjs';

describe('generate', () => {
  test('the same seed gives the same program; different seeds differ', () => {
    expect(generateSource(42)).toBe(generateSource(42));
    const sources = new Set(Array.from({ length: 50 }, (_, i) => generateSource(i)));
    expect(sources.size).toBe(50);
  });

  test('programs start with the prelude and end by collecting and printing end', () => {
    for (let seed = 0; seed < 50; seed++) {
      const src: string = generateSource(seed);
      expect(src.startsWith(`# pymem fuzz program, seed ${seed}\nimport gc, sys, weakref\n`)).toBe(true);
      expect(src).toContain('\ngc.collect()\n');
      expect(src.endsWith('print("end")\n')).toBe(true);
      // No reprs of objects: every print starts with a string label.
      for (const line of src.split('\n')) if (line.trim().startsWith('print(')) expect(line.trim()).toMatch(/^print\("/);
    }
  });
});

describe('shrink', () => {
  test('deletes every statement the mismatch does not need, and never a kept one', async () => {
    const stmts = generate(7);
    // A fake pair of interpreters: they "differ" whenever the program still has a
    // `print("end")` line and its first `del` line.
    const source: string = render(stmts);
    const firstDel = source.split('\n').find((l) => l.startsWith('del '))!;
    const runBoth = async (src: string) => {
      const differs = src.includes('print("end")') && src.split('\n').includes(firstDel);
      return {
        cpython: { stdout: 'a', stderr: '', status: 0 },
        pymem: { stdout: differs ? 'b' : 'a', stderr: '', status: 0 },
      };
    };
    const { stmts: shrunk } = await shrink(stmts, runBoth, { sig: 'stdout: a / b', cpython: { stdout: 'a', stderr: '', status: 0 } });
    expect(render(shrunk)).toBe(`gc.collect()\n${firstDel}\nprint("end")\n`);
  });
});
