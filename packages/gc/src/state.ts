/**
 * The GC lists (Modules/gcmodule.c "list functions"): every tracked object is
 * linked into exactly one doubly linked list through its GC header
 * (`gc_prev`/`gc_next`); each list has a sentinel head. The three
 * generations and the permanent generation are such lists, and so are the
 * temporary lists of a collection (`unreachable`, `finalizers`,
 * `wrcb_to_call`, ...).
 *
 * NON-SPEC: CPython's merge is O(1); pymem also keeps each object's
 * `gc_generation` field current so that the trace and the viewer can show
 * it, which makes moving a list into a generation O(n) in the list's length.
 * A temporary list has generation -1 and leaves its objects' field alone.
 */
import { PyObject, PyTypeObject } from '@pymem/object-model';
import { GCInvariantError } from './errors';

/** `NUM_GENERATIONS`. */
export const NUM_GENERATIONS = 3;

/** The generation number pymem gives the permanent generation of `gc.freeze()`. */
export const PERMANENT_GENERATION = 3;

/** `gc_refs` of a tracked object outside a collection (`GC_REACHABLE`, 3.6–3.7 `_PyGC_REFS_REACHABLE`). */
export const GC_REACHABLE = -3;
/** `gc_refs` of an object `move_unreachable` moved to `unreachable` (`GC_TENTATIVELY_UNREACHABLE`). */
export const GC_TENTATIVELY_UNREACHABLE = -4;

const HEAD_TYPE = new PyTypeObject(null, 'PyGC_Head');

/** A list head (`PyGC_Head` used as a sentinel). Its `gc_generation` is the list's generation, or -1. */
export class GCListHead extends PyObject {
  constructor(generation: number, readonly label: string) {
    super(HEAD_TYPE);
    this.gc_generation = generation;
    this.gc_next = this;
    this.gc_prev = this;
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

/** A generation (`struct gc_generation`): list head, threshold, count. */
export class Generation {
  readonly head: GCListHead;
  constructor(
    index: number,
    /** `threshold`. */
    public threshold: number,
    /** gen 0: allocations minus deallocations; older: collections of the next younger generation. */
    public count = 0,
  ) {
    this.head = new GCListHead(index, index === PERMANENT_GENERATION ? 'permanent generation' : `generation ${index}`);
  }
}

/** Per-generation totals (`struct gc_generation_stats`), as `gc.get_stats()` reports them. */
export interface GenerationStats {
  /** Collections of this generation. */
  collections: number;
  /** Objects collected (`m`). */
  collected: number;
  /** Uncollectable objects found (`n`). */
  uncollectable: number;
}

/** Mirrors gc_list_init(). */
export function gcListInit(list: PyObject): void {
  list.gc_next = list;
  list.gc_prev = list;
}

/** Mirrors gc_list_is_empty(). */
export function gcListIsEmpty(list: PyObject): boolean {
  return list.gc_next === list;
}

/** Mirrors gc_list_append(): `node` goes to the end of `list`. */
export function gcListAppend(node: PyObject, list: PyObject): void {
  const last = list.gc_prev!;
  last.gc_next = node;
  node.gc_prev = last;
  node.gc_next = list;
  list.gc_prev = node;
  if (list.gc_generation >= 0) node.gc_generation = list.gc_generation;
}

/** Mirrors gc_list_remove(): unlinks `node` from whatever list it is in. */
export function gcListRemove(node: PyObject): void {
  const prev = node.gc_prev!;
  const next = node.gc_next!;
  prev.gc_next = next;
  next.gc_prev = prev;
  node.gc_prev = node.gc_next = null;
}

/** Mirrors gc_list_move(): unlink `node` and append it to `list`. */
export function gcListMove(node: PyObject, list: PyObject): void {
  const prev = node.gc_prev!;
  const next = node.gc_next!;
  prev.gc_next = next;
  next.gc_prev = prev;
  const last = list.gc_prev!;
  last.gc_next = node;
  node.gc_prev = last;
  node.gc_next = list;
  list.gc_prev = node;
  if (list.gc_generation >= 0) node.gc_generation = list.gc_generation;
}

/** Mirrors gc_list_merge(): appends `from` onto `to`; `from` becomes empty. */
export function gcListMerge(from: PyObject, to: PyObject): void {
  if (from === to) throw new Error('gc_list_merge: from and to are the same list');
  if (!gcListIsEmpty(from)) {
    const gen = to.gc_generation;
    if (gen >= 0 && gen !== from.gc_generation) {
      // NON-SPEC: keep gc_generation current (see the file comment).
      for (let o = from.gc_next!; o !== from; o = o.gc_next!) o.gc_generation = gen;
    }
    const tail = to.gc_prev!;
    tail.gc_next = from.gc_next;
    from.gc_next!.gc_prev = tail;
    to.gc_prev = from.gc_prev;
    from.gc_prev!.gc_next = to;
  }
  gcListInit(from);
}

/** Mirrors gc_list_size(). */
export function gcListSize(list: PyObject): number {
  let n = 0;
  for (let o = list.gc_next!; o !== list; o = o.gc_next!) n++;
  return n;
}

/** The objects of a list, head to tail (oldest tracked first). */
export function gcListItems(list: PyObject): PyObject[] {
  const out: PyObject[] = [];
  for (let o = list.gc_next!; o !== list; o = o.gc_next!) out.push(o);
  return out;
}

/**
 * Checks one list's links (NON-SPEC; CPython's `validate_list` checks the
 * same links in debug builds): every `next.prev` points back, the walk
 * returns to the head, no object appears twice, every object is tracked and
 * not freed, and (for a generation list) carries the list's generation.
 * Returns the objects seen; throws a `GCInvariantError` with what is wrong.
 */
export function validateList(head: PyObject, seen: Set<PyObject> = new Set()): Set<PyObject> {
  let prev = head;
  for (let o = head.gc_next; o !== head; o = o.gc_next) {
    if (o === null) throw new GCInvariantError(`${label(head)}: broken link (null gc_next) after ${describeNode(prev)}`);
    if (o.gc_prev !== prev) throw new GCInvariantError(`${label(head)}: ${describeNode(o)}.gc_prev does not point back to ${describeNode(prev)}`);
    if (seen.has(o)) throw new GCInvariantError(`${label(head)}: ${describeNode(o)} is linked twice (or into two lists)`);
    if (!o.gc_tracked) throw new GCInvariantError(`${label(head)}: ${describeNode(o)} is linked but not marked tracked`);
    if (o.freed) throw new GCInvariantError(`${label(head)}: ${describeNode(o)} was freed but is still linked`);
    if (head.gc_generation >= 0 && o.gc_generation !== head.gc_generation)
      throw new GCInvariantError(`${label(head)}: ${describeNode(o)} says it is in generation ${o.gc_generation}`);
    seen.add(o);
    prev = o;
  }
  if (head.gc_prev !== prev) throw new GCInvariantError(`${label(head)}: head.gc_prev is not the last object`);
  return seen;
}

function label(head: PyObject): string {
  return head instanceof GCListHead ? head.label : 'list';
}

function describeNode(o: PyObject): string {
  return `<${o.ob_type?.tp_name ?? '?'} 0x${o.addr.toString(16)}>`;
}
