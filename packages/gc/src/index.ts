/**
 * @pymem/gc: CPython's generational cyclic garbage collector (3.6–3.13),
 * modelled phase by phase with CPython's names. Start with `installGC` and
 * `GCState`; the phases of one collection are in `collect`.
 */

/** Creates the collector of a heap and installs it as `heap.gc`. */
export { installGC } from './gc';
/** The collector's state and the gc module's functions (`collect`, `get_count`, `freeze`, ...). */
export { GCState } from './gc';
/** What the runtime provides (finalizers, weakref callbacks, `gc.callbacks`, stderr, scheduling). */
export type { GCRuntimeHooks, GCCallbackInfo } from './gc';
/** The DEBUG_* flags of `gc.set_debug`, and the reason a collection runs. */
export { DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK } from './collect';
export type { GCReason, CollectResult } from './collect';
/** `PyObject_IS_GC()`: whether an object is a GC object (heap types only, for type objects). */
export { isGCObject } from './collect';
/** The collector's version-dependent behaviour, derived from a version profile. */
export { gcProfileFor } from './profile';
export type { GCProfile, CollectedAccounting } from './profile';
/** Generation lists: the constants, a generation, per-generation stats, and the list invariant checker. */
export { NUM_GENERATIONS, PERMANENT_GENERATION, GC_REACHABLE, GC_TENTATIVELY_UNREACHABLE, Generation, GCListHead, validateList, gcListItems, gcListSize } from './state';
export type { GenerationStats } from './state';
/** Errors: `GCValueError` (a Python ValueError), `GCInvariantError` (an engine bug). */
export { GCValueError, GCInvariantError } from './errors';
