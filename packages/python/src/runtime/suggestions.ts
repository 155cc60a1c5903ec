/**
 * "Did you mean" suggestions for a printed NameError or AttributeError (3.10+):
 * Python/suggestions.c (3.10–3.12) and Lib/traceback.py _compute_suggestion_error()
 * (3.13). The closest name by a Levenshtein distance where a case flip costs 1 and
 * any other edit 2, among at most 750 candidates, no more than a third changed.
 */
import { PyObject, PyException, PyTraceback, PyStr, PyList, PyDict, PyFrame } from '@pymem/object-model';
import type { Runtime } from './runtime';
import type { ObjectProtocol } from './objects';
import type { Operations } from './operations';
import { dictItems } from './dict';
import { PyErr } from './errors';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

/** Mirrors Python/suggestions.c substitution_cost(): 0 for equal, 1 for an ASCII case flip, else 2. */
function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** Mirrors Python/suggestions.c levenshtein_distance() (and traceback.py's copy of it), on code units. */
function levenshteinDistance(a: number[], b: number[], maxCost: number): number {
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) lo++;
  a = a.slice(lo);
  b = b.slice(lo);
  let ea = a.length;
  let eb = b.length;
  while (ea && eb && a[ea - 1] === b[eb - 1]) {
    ea--;
    eb--;
  }
  a = a.slice(0, ea);
  b = b.slice(0, eb);
  if (!a.length || !b.length) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row = a.map((_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]!);
      distance = row[i]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/**
 * Mirrors Python/suggestions.c calculate_suggestions() (3.13's traceback.py calls
 * it through `_suggestions`): the closest candidate, comparing UTF-8 bytes.
 */
function calculateSuggestion(candidates: string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const encoder = new TextEncoder();
  const wrong = [...encoder.encode(name)];
  let best = Infinity;
  let suggestion: string | null = null;
  for (const item of candidates) {
    if (item === name) continue;
    const other = [...encoder.encode(item)];
    const maxDistance = Math.min(Math.floor(((wrong.length + other.length + 3) * MOVE_COST) / 6), best - 1);
    const d = levenshteinDistance(wrong, other, maxDistance);
    if (d > maxDistance) continue;
    if (suggestion === null || d < best) {
      suggestion = item;
      best = d;
    }
  }
  return suggestion;
}

function strKeys(d: PyDict): string[] {
  const out: string[] = [];
  for (const e of dictItems(d)) if (e.key instanceof PyStr) out.push(e.key.value);
  return out;
}

/** `frame.f_locals` as names: a module's or class body's dict, else the bound fast locals, cells and free variables. */
function localNames(f: PyFrame): string[] {
  if (f.locals) return strKeys(f.locals);
  const co = f.code.co;
  const names = [...co.co_varnames, ...co.co_cellvars, ...co.co_freevars];
  return names.filter((_, i) => f.localsplus[i] != null);
}

function localValue(f: PyFrame, name: string): PyObject | null {
  const i = f.code.co.co_varnames.indexOf(name);
  return i >= 0 ? f.localsplus[i] ?? null : null;
}

/** `dir(obj)` through the built-in, as the suggestion code calls PyObject_Dir(); null if it fails. */
function dirNames(rt: Runtime, p: ObjectProtocol, ops: Operations, obj: PyObject): string[] | null {
  const dir = p.dictGetStr(ops.builtinsDict, 'dir');
  if (!dir) return null;
  try {
    const r = p.call(dir, [obj], null);
    const names = r instanceof PyList ? r.items.filter((x): x is PyStr => x instanceof PyStr).map((x) => x.value) : [];
    rt.heap.decref(r);
    return names;
  } catch (e) {
    if (!(e instanceof PyErr)) throw e;
    rt.heap.decref(e.exc);
    return null;
  }
}

/**
 * The text appended to a printed NameError's or AttributeError's message: ". Did you
 * mean: 'x'?" and, 3.12+, for a NameError ". Did you forget to import 'math'?"
 * (print_exception_suggestions(); 3.13 TracebackException), or "".
 */
export function suggestionSuffix(rt: Runtime, p: ObjectProtocol, ops: Operations, e: PyException): string {
  const prof = rt.profile;
  const missing = e.missingName;
  if (prof.suggestions === 'none' || !missing) return '';
  let lastTb: PyTraceback | null = null;
  for (let tb = e.traceback as PyTraceback | null; tb; tb = tb.next) lastTb = tb;
  const frame = lastTb?.frame ?? null;
  if (rt.isInstance(e, rt.t.AttributeError!)) {
    const obj = missing.obj;
    if (!obj || obj.ob_refcnt <= 0) return '';
    let names = dirNames(rt, p, ops, obj);
    if (!names) return '';
    if (prof.suggestionsHideUnderscored && !missing.name.startsWith('_') && !(frame && localValue(frame, 'self') === obj)) {
      names = names.filter((n) => !n.startsWith('_'));
    }
    const suggestion = calculateSuggestion(names, missing.name);
    return suggestion === null ? '' : `. Did you mean: '${suggestion}'?`;
  }
  if (!frame) return '';
  let suggestion: string | null = null;
  const self = prof.suggestionStdlibModules ? localValue(frame, 'self') : null;
  const onSelf = self ? ops.lookupAttr(self, missing.name) : null;
  if (onSelf) {
    rt.heap.decref(onSelf);
    suggestion = `self.${missing.name}`;
  } else if (prof.suggestions === 'concatenated') {
    suggestion = calculateSuggestion([...localNames(frame), ...strKeys(frame.globals), ...strKeys(frame.builtins)], missing.name);
  } else {
    for (const names of [frame.code.co.co_varnames, strKeys(frame.globals), strKeys(frame.builtins)]) {
      suggestion = calculateSuggestion([...names], missing.name);
      if (suggestion !== null) break;
    }
  }
  let out = suggestion === null ? '' : `. Did you mean: '${suggestion}'?`;
  if (prof.suggestionStdlibModules?.has(missing.name)) out += suggestion === null ? `. Did you forget to import '${missing.name}'?` : ` Or did you forget to import '${missing.name}'?`;
  return out;
}
