// The program generator: from an integer seed, a random Python program in pymem's
// subset that exercises memory management and prints deterministic observations.
//
// A program is a list of statements (see `Stmt` below) so that the shrinker can delete
// statements one at a time and render the rest. Every program:
//   - starts with a fixed prelude: `import gc, sys, weakref`, a class `Node` whose
//     `__del__` prints its name, a plain class, a class with `__slots__`, a weakref
//     callback factory, two helper functions, and a `gc.collect()` whose result is not
//     printed (start-up garbage must not count);
//   - then runs 15-60 random statements: objects of every kind created, aliased,
//     stored in and removed from containers, passed to functions and closures,
//     returned; cycles of instances, lists and dicts; weak references with callbacks;
//     `del`; `gc.collect` / `disable` / `enable` / `set_threshold` with small
//     thresholds; loops that make cyclic garbage so automatic collections interleave
//     with output; and observations printed with a label first (`rc`, `drc`, `is`,
//     `tracked`, `size`, `count`, `collect`, `wr`, …);
//   - ends by deleting every name it bound, printing `gc.collect()` and `end`.
//
// Determinism under CPython with PYTHONHASHSEED=0 (the rules of conformance/README.md):
// absolute reference counts are printed only for objects the program made itself
// (`fresh` variables); for ints, strs, floats and the empty tuple only deltas and `is`
// are printed; no repr of an instance, function or method is printed (addresses); no
// container is printed (orders); nothing depends on whether freed memory is reused.

import { Random } from './prng.mjs';

/**
 * @typedef {{ text: string, keep?: boolean } | { clauses: { head: string, body: Stmt[] }[] }} Stmt
 * A simple statement (one line) or a compound one (`for`, `try`/`except`, `def`, `if`);
 * `keep` marks a statement the shrinker must not delete.
 */

/** @typedef {{ name: string, kind: string, fresh: boolean }} Var */

/** Kinds an instance of which `weakref.ref` accepts. */
const WEAKREFABLE = ['node', 'plain', 'slot', 'func', 'gen'];
/** Kinds usable as set members or dict keys (hashable by value or identity). */
const HASHABLE = ['int', 'str', 'float', 'node', 'plain', 'slot', 'func'];
/** Kinds that hold references to other objects and accept new ones. */
const INT_LITERALS = ['0', '1', '-5', '-6', '255', '256', '257', '1000', '10 ** 6', '2 ** 40', '-1000'];
const STR_LITERALS = ['"a"', '"ab"', '"hello world"', '"x" * 20', '""', '"spam"', '"n" + "m"'];
const FLOAT_LITERALS = ['0.5', '1.5', '-2.0', '1e100', '3.25'];

const PRELUDE = [
  { text: 'import gc, sys, weakref' },
  {
    clauses: [
      {
        head: 'class Node:',
        body: [
          { clauses: [{ head: 'def __init__(self, name):', body: [{ text: 'self.name = name' }, { text: 'self.ref = None' }] }] },
          { clauses: [{ head: 'def __del__(self):', body: [{ text: 'print("del", self.name)' }] }] },
        ],
      },
    ],
  },
  { clauses: [{ head: 'class Plain:', body: [{ text: 'pass' }] }] },
  { clauses: [{ head: 'class Slot:', body: [{ text: '__slots__ = ("a", "b", "__weakref__")' }] }] },
  {
    clauses: [
      {
        head: 'def cb(tag):',
        body: [
          { clauses: [{ head: 'def inner(r):', body: [{ text: 'print("callback", tag, r() is None)' }] }] },
          { text: 'return inner' },
        ],
      },
    ],
  },
  { clauses: [{ head: 'def hold(x):', body: [{ text: 'return [x]' }] }] },
  {
    clauses: [
      {
        head: 'def closure(x):',
        body: [{ clauses: [{ head: 'def f():', body: [{ text: 'return x' }] }] }, { text: 'return f' }],
      },
    ],
  },
  { clauses: [{ head: 'def rc_in(x):', body: [{ text: 'return sys.getrefcount(x)' }] }] },
  // Kept by the shrinker: without it, gc counts would include start-up garbage.
  { text: 'gc.collect()', keep: true },
];

/** Renders statements as Python source, four spaces per level. */
export function render(stmts, indent = '') {
  const out = [];
  for (const s of stmts) {
    if ('text' in s) out.push(indent + s.text);
    else
      for (const c of s.clauses) {
        out.push(indent + c.head);
        out.push(render(c.body.length ? c.body : [{ text: 'pass' }], `${indent}    `).replace(/\n$/, ''));
      }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The generator's state while it writes one program. */
class Writer {
  constructor(seed) {
    this.rng = new Random(seed);
    /** @type {Var[]} names bound now, with what they hold */
    this.vars = [];
    this.counter = 0;
    this.weakrefs = [];
    this.gcDisabled = false;
  }

  fresh(prefix) {
    return `${prefix}${this.counter++}`;
  }

  /** A live variable, optionally of one of `kinds`; undefined if none. */
  some(kinds) {
    const pool = kinds ? this.vars.filter((v) => kinds.includes(v.kind)) : this.vars;
    return pool.length ? this.rng.pick(pool) : undefined;
  }

  bind(name, kind, fresh) {
    this.vars = this.vars.filter((v) => v.name !== name);
    this.vars.push({ name, kind, fresh });
  }

  unbind(name) {
    this.vars = this.vars.filter((v) => v.name !== name);
  }

  /** An expression for a new object of some kind: [expr, kind, fresh]. */
  newObject() {
    const r = this.rng;
    const any = () => this.some()?.name ?? 'None';
    const kind = r.weighted([
      [4, 'list'],
      [3, 'dict'],
      [1, 'set'],
      [5, 'node'],
      [2, 'plain'],
      [1, 'slot'],
      [2, 'tuple'],
      [2, 'func'],
      [2, 'int'],
      [1, 'str'],
      [1, 'float'],
      [1, 'gen'],
      [1, 'method'],
    ]);
    switch (kind) {
      case 'list':
        return [r.pick(['[]', `[${any()}, ${any()}]`, '[1, 2, 3]', `hold(${any()})`, 'list(range(5))', `[${any()}] * 3`]), 'list', true];
      case 'dict':
        return [r.pick(['{}', `{"a": ${any()}}`, `{"a": ${any()}, "b": ${any()}}`, `dict(x=${any()})`, '{1: 2}']), 'dict', true];
      case 'set': {
        const h = this.some(HASHABLE)?.name ?? '1';
        return [r.pick(['set()', '{1, 2, 3}', `{${h}}`]), 'set', true];
      }
      case 'node':
        return [`Node("${this.fresh('n')}")`, 'node', true];
      case 'plain':
        return ['Plain()', 'plain', true];
      case 'slot':
        return ['Slot()', 'slot', true];
      case 'tuple':
        if (r.chance(0.15)) return ['()', 'tuple', false];
        return [r.pick([`(${any()},)`, `(${any()}, ${any()})`, '(1, 2)', `(${any()}, [])`]), 'tuple', true];
      case 'func':
        return [r.pick([`closure(${any()})`, `lambda: ${any()}`, 'lambda x: x']), 'func', true];
      case 'int': {
        const i = this.some(['int']);
        if (i && r.chance(0.4)) return [`${i.name} ${r.pick(['+', '*', '-'])} ${r.pick(['0', '1', '2', '1000'])}`, 'int', false];
        return [r.pick(INT_LITERALS), 'int', false];
      }
      case 'str': {
        const s = this.some(['str']);
        if (s && r.chance(0.4)) return [`${s.name} + ${r.pick(STR_LITERALS)}`, 'str', false];
        return [r.pick(STR_LITERALS), 'str', false];
      }
      case 'float':
        return [r.pick(FLOAT_LITERALS), 'float', false];
      case 'gen': {
        const l = this.some(['list', 'tuple', 'dict', 'set']);
        return [l ? `(x for x in ${l.name})` : '(x for x in range(3))', 'gen', true];
      }
      case 'method': {
        const l = this.some(['list', 'dict', 'node']);
        if (!l) return ['[].append', 'method', true];
        return [l.kind === 'node' ? `${l.name}.__init__` : l.kind === 'list' ? `${l.name}.append` : `${l.name}.get`, 'method', true];
      }
    }
    throw new Error(`unknown kind ${kind}`);
  }

  /** One random statement (sometimes a few), appended to `out`. */
  statement(out, depth) {
    const r = this.rng;
    const choice = r.weighted([
      [10, 'create'],
      [3, 'alias'],
      [8, 'store'],
      [3, 'remove'],
      [4, 'cycle'],
      [4, 'del'],
      [2, 'rebind'],
      [3, 'weakref'],
      [2, 'weakref-check'],
      [4, 'gc'],
      [2, 'threshold'],
      [depth === 0 ? 2 : 0, 'loop'],
      [depth === 0 ? 1 : 0, 'function'],
      [depth === 0 ? 1 : 0, 'try'],
      [2, 'call'],
      [9, 'observe'],
      [2, 'delta'],
    ]);
    const v = this.some();
    switch (choice) {
      case 'create': {
        const [expr, kind, fresh] = this.newObject();
        const name = this.fresh('v');
        out.push({ text: `${name} = ${expr}` });
        this.bind(name, kind, fresh);
        return;
      }
      case 'alias': {
        if (!v) return this.statement(out, depth);
        const name = this.fresh('v');
        out.push({ text: `${name} = ${v.name}` });
        this.bind(name, v.kind, v.fresh);
        return;
      }
      case 'store': {
        const c = this.some(['list', 'dict', 'set', 'node', 'plain', 'slot']);
        if (!c || !v) return this.create(out);
        switch (c.kind) {
          case 'list':
            out.push({ text: r.pick([`${c.name}.append(${v.name})`, `${c.name}.insert(0, ${v.name})`, `${c.name}.extend([${v.name}, ${v.name}])`, `${c.name} += [${v.name}]`]) });
            return;
          case 'dict':
            out.push({ text: r.pick([`${c.name}["k${r.int(0, 3)}"] = ${v.name}`, `${c.name}.setdefault("k${r.int(0, 3)}", ${v.name})`, `${c.name}.update(z=${v.name})`]) });
            return;
          case 'set': {
            const h = this.some(HASHABLE);
            if (h) out.push({ text: `${c.name}.add(${h.name})` });
            return;
          }
          case 'node':
            out.push({ text: r.pick([`${c.name}.ref = ${v.name}`, `${c.name}.other = ${v.name}`]) });
            return;
          case 'plain':
            out.push({ text: `${c.name}.${r.pick(['x', 'y', 'z'])} = ${v.name}` });
            return;
          case 'slot':
            out.push({ text: `${c.name}.${r.pick(['a', 'b'])} = ${v.name}` });
            return;
        }
        return;
      }
      case 'remove': {
        const c = this.some(['list', 'dict', 'set', 'node', 'plain', 'slot']);
        if (!c) return this.create(out);
        const text = {
          list: () => r.pick([`${c.name}.clear()`, `del ${c.name}[:]`, `${c.name}[:] = []`]),
          dict: () => r.pick([`${c.name}.clear()`, `${c.name}.pop("k${r.int(0, 3)}", None)`]),
          set: () => `${c.name}.clear()`,
          node: () => `${c.name}.ref = None`,
          plain: () => `${c.name}.${r.pick(['x', 'y', 'z'])} = None`,
          slot: () => `${c.name}.${r.pick(['a', 'b'])} = None`,
        }[c.kind]();
        out.push({ text });
        return;
      }
      case 'cycle': {
        const c = this.some(['list', 'dict', 'node', 'plain', 'slot']);
        if (!c) {
          // A fresh two-node cycle.
          const a = this.fresh('v');
          const b = this.fresh('v');
          out.push({ text: `${a} = Node("${this.fresh('n')}")` }, { text: `${b} = Node("${this.fresh('n')}")` });
          out.push({ text: `${a}.ref = ${b}` }, { text: `${b}.ref = ${a}` });
          this.bind(a, 'node', true);
          this.bind(b, 'node', true);
          return;
        }
        const d = this.some(['list', 'dict', 'node', 'plain', 'slot']);
        const link = (x, y) =>
          ({
            list: `${x.name}.append(${y.name})`,
            dict: `${x.name}["c"] = ${y.name}`,
            node: `${x.name}.ref = ${y.name}`,
            plain: `${x.name}.x = ${y.name}`,
            slot: `${x.name}.a = ${y.name}`,
          })[x.kind];
        out.push({ text: link(c, d) });
        if (d !== c) out.push({ text: link(d, c) });
        return;
      }
      case 'del': {
        if (!v) return this.create(out);
        out.push({ text: `del ${v.name}` });
        this.unbind(v.name);
        return;
      }
      case 'rebind': {
        if (!v) return this.create(out);
        out.push({ text: `${v.name} = None` });
        this.bind(v.name, 'none', false);
        return;
      }
      case 'weakref': {
        const t = this.some(WEAKREFABLE);
        if (!t) return this.create(out);
        const name = this.fresh('w');
        out.push({ text: r.chance(0.75) ? `${name} = weakref.ref(${t.name}, cb("${name}"))` : `${name} = weakref.ref(${t.name})` });
        this.bind(name, 'weakref', true);
        this.weakrefs.push(name);
        return;
      }
      case 'weakref-check': {
        const w = this.some(['weakref']);
        const t = this.some(WEAKREFABLE);
        if (w && r.chance(0.6)) out.push({ text: `print("wr", ${w.name}() is None)` });
        else if (t) out.push({ text: `print("wrc", weakref.getweakrefcount(${t.name}))` });
        return;
      }
      case 'gc': {
        const text = r.weighted([
          [5, 'print("collect", gc.collect())'],
          [1, `print("collect${r.int(0, 2)}", gc.collect(${r.int(0, 2)}))`],
          [2, this.gcDisabled ? 'gc.enable()' : 'gc.disable()'],
          [2, 'print("count", gc.get_count())'],
          [1, 'print("enabled", gc.isenabled())'],
          [1, 'print("garbage", len(gc.garbage))'],
        ]);
        if (text === 'gc.enable()') this.gcDisabled = false;
        if (text === 'gc.disable()') this.gcDisabled = true;
        out.push({ text });
        return;
      }
      case 'threshold':
        out.push({ text: `gc.set_threshold(${r.int(1, 12)}, ${r.int(1, 4)}, ${r.int(1, 4)})` });
        return;
      case 'loop': {
        // Cyclic garbage made in a loop: automatic collections run in the middle.
        const t = this.fresh('t');
        const body = [];
        const shape = r.pick(['node-self', 'node-pair', 'list-self', 'dict-self', 'plain-pair', 'tuple-list']);
        const tag = this.fresh('l');
        const mk = {
          'node-self': [`${t} = Node("${tag}")`, `${t}.ref = ${t}`],
          'node-pair': [`${t} = Node("${tag}")`, `${t}.ref = Node("${tag}b")`, `${t}.ref.ref = ${t}`],
          'list-self': [`${t} = [i]`, `${t}.append(${t})`],
          'dict-self': [`${t} = {"i": i}`, `${t}["me"] = ${t}`],
          'plain-pair': [`${t} = Plain()`, `${t}.x = Plain()`, `${t}.x.x = ${t}`],
          'tuple-list': [`${t} = ([], i)`, `${t}[0].append(${t})`],
        }[shape];
        for (const line of mk) body.push({ text: line });
        if (r.chance(0.3)) body.push({ text: `print("it", i, gc.get_count()[0] >= 0)` });
        out.push({ clauses: [{ head: `for i in range(${r.int(1, 12)}):`, body }] });
        out.push({ text: `del ${t}` });
        return;
      }
      case 'function': {
        const f = this.fresh('f');
        const a = this.some();
        const b = this.some();
        const body = [
          { text: 'loc = [a, b]' },
          { text: 'print("in", sys.getrefcount(loc), gc.is_tracked(loc), sys.getrefcount(a) - rc_in(a))' },
        ];
        if (r.chance(0.5)) body.push({ text: 'loc.append(loc)' });
        body.push({ text: r.pick(['return loc', 'return None', 'return (a, b)', 'return lambda: loc']) });
        out.push({ clauses: [{ head: `def ${f}(a, b):`, body }] });
        const name = this.fresh('v');
        out.push({ text: `${name} = ${f}(${a?.name ?? '1'}, ${b?.name ?? '"s"'})` });
        this.bind(name, 'result', false);
        return;
      }
      case 'try': {
        const e = this.fresh('e');
        const arg = v?.name ?? '1';
        out.push({
          clauses: [
            { head: 'try:', body: [{ text: `raise ValueError(${arg})` }] },
            { head: 'except ValueError as exc:', body: [{ text: `${e} = exc` }] },
          ],
        });
        this.bind(e, 'exc', true);
        return;
      }
      case 'call': {
        const a = this.some();
        if (!a) return this.create(out);
        const name = this.fresh('v');
        const [expr, kind] = r.pick([
          [`hold(${a.name})`, 'list'],
          [`closure(${a.name})`, 'func'],
          [`closure(${a.name})()`, a.kind],
        ]);
        out.push({ text: `${name} = ${expr}` });
        this.bind(name, kind, kind === a.kind ? a.fresh : true);
        return;
      }
      case 'observe': {
        if (!v) return this.create(out);
        const w = this.some();
        const opts = [
          [2, `print("is", ${v.name} is ${w.name})`],
          [2, `print("tracked", gc.is_tracked(${v.name}))`],
          [v.kind === 'none' || v.kind === 'result' ? 0 : 2, `print("size", sys.getsizeof(${v.name}))`],
          [1, `print("drc", rc_in(${v.name}) - sys.getrefcount(${v.name}))`],
        ];
        if (v.fresh) opts.push([4, `print("rc", sys.getrefcount(${v.name}))`]);
        out.push({ text: r.weighted(opts) });
        return;
      }
      case 'delta': {
        // A reference-count delta across a few statements, of the program's own objects
        // only: before 3.12 the counts of None and small ints move with the interpreter's
        // caches (the type method cache drops references to None).
        const own = this.vars.filter((x) => x.fresh);
        if (!own.length) return this.create(out);
        const mine = r.pick(own);
        const b = this.fresh('b');
        out.push({ text: `${b} = sys.getrefcount(${mine.name})` });
        const inner = [];
        for (let i = r.int(1, 3); i > 0; i--) this.statement(inner, depth + 1);
        out.push(...inner);
        if (this.vars.includes(mine)) out.push({ text: `print("drc", sys.getrefcount(${mine.name}) - ${b})` });
        out.push({ text: `del ${b}` });
        return;
      }
    }
  }

  create(out) {
    const [expr, kind, fresh] = this.newObject();
    const name = this.fresh('v');
    out.push({ text: `${name} = ${expr}` });
    this.bind(name, kind, fresh);
  }
}

/**
 * Generates the program of one seed.
 * @param {number} seed
 * @returns {Stmt[]} the statements; `render()` makes the source
 */
export function generate(seed) {
  const w = new Writer(seed);
  const body = [];
  const n = w.rng.int(15, 60);
  while (body.length < n) w.statement(body, 0);
  // The end: drop every strong name, collect what is left and print the count (weak
  // references are dropped after it, so their callbacks run), and say so.
  const names = w.vars.map((v) => v.name);
  const strong = names.filter((x) => !w.weakrefs.includes(x));
  const weak = names.filter((x) => w.weakrefs.includes(x));
  for (const x of strong) body.push({ text: `del ${x}` });
  body.push({ text: 'print("final", gc.collect())' });
  for (const x of weak) body.push({ text: `del ${x}` });
  body.push({ text: 'print("end")' });
  return [{ text: `# pymem fuzz program, seed ${seed}` }, ...PRELUDE, ...body];
}

/** The source of the program of one seed. */
export function generateSource(seed) {
  return render(generate(seed));
}
