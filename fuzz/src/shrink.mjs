// Shrinking a mismatching program by deleting statements.
//
// The program is a tree of statements (generate.mjs). A candidate is the program with
// some statements deleted (an emptied block gets `pass`). It is kept when it is still
// *the same mismatch*: CPython ends the same way as on the original (same exit status,
// stderr empty or not as before — so a deletion that makes CPython raise NameError is
// refused) and the mismatch has the same signature (compare.mjs), so the shrunk
// program shows the bug the original showed, not another one. Deletion goes in chunks
// first (halves, quarters, … of each statement list, as ddmin does), then one
// statement at a time, until a whole pass deletes nothing. Statements marked `keep`
// (the prelude's first `gc.collect()`) stay.

import { render } from './generate.mjs';
import { same, signature } from './compare.mjs';

/** Every statement list in the tree (the top level and each block's body). */
function lists(stmts, acc = []) {
  acc.push(stmts);
  for (const s of stmts) if ('clauses' in s) for (const c of s.clauses) lists(c.body, acc);
  return acc;
}

/** A deep copy of a statement tree. */
function clone(stmts) {
  return stmts.map((s) => ('text' in s ? { ...s } : { clauses: s.clauses.map((c) => ({ head: c.head, body: clone(c.body) })) }));
}

/**
 * Shrinks `stmts`, which differ between `runPymem` and `runCPython` with signature `sig`.
 * @param {import('./generate.mjs').Stmt[]} stmts
 * @param {(source: string) => Promise<{cpython: object, pymem: object}>} runBoth
 * @param {{ sig: string, cpython: object }} original
 * @param {{ budget?: number }} [options] at most this many candidate runs
 * @returns {Promise<{ stmts: object[], runs: number }>}
 */
export async function shrink(stmts, runBoth, original, { budget = 2000 } = {}) {
  let best = clone(stmts);
  let runs = 0;
  const cpErrEmpty = original.cpython.stderr === '';

  const stillFails = async (candidate) => {
    runs++;
    const { cpython, pymem } = await runBoth(render(candidate));
    if (cpython.status !== original.cpython.status) return false;
    if ((cpython.stderr === '') !== cpErrEmpty) return false;
    if (same(cpython, pymem)) return false;
    return signature(cpython, pymem) === original.sig;
  };

  // Tries deleting `count` statements from list number `li` of `best`, starting at `at`.
  const tryDelete = async (li, at, count) => {
    const candidate = clone(best);
    const list = lists(candidate)[li];
    if (list.slice(at, at + count).some((s) => s.keep)) return false;
    list.splice(at, count);
    if (await stillFails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };

  let changed = true;
  while (changed && runs < budget) {
    changed = false;
    const nLists = lists(best).length;
    for (let li = 0; li < nLists && runs < budget; li++) {
      const list = lists(best)[li];
      if (!list) break;
      // Chunks from half the list down to single statements, last statements first
      // (later statements depend on earlier ones, not the other way round).
      for (let size = Math.max(1, Math.floor(list.length / 2)); size >= 1 && runs < budget; size = Math.floor(size / 2)) {
        for (let at = lists(best)[li].length - size; at >= 0 && runs < budget; at -= size) {
          if (at + size > lists(best)[li].length) continue;
          if (await tryDelete(li, at, size)) changed = true;
        }
        if (size === 1) break;
      }
    }
  }
  return { stmts: best, runs };
}
