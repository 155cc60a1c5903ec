/**
 * @pymem/refcount: what happens when a reference count reaches zero —
 * CPython's deallocation cascade with finalizers (PEP 442), weak reference
 * clearing and callbacks, and the trashcan.
 */
export { installRefcounting, Deallocator, TRASH_UNWIND_LEVEL } from './dealloc';
export type { FinalizerHooks } from './dealloc';
