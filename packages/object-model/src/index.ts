/**
 * @pymem/object-model: CPython's objects, types, allocator and version
 * profiles, as data. Operations that move references live above this
 * package (refcount, gc, python); here is what they operate on.
 */
export { PROFILES, DEFAULT_VERSION, getProfile } from './profile';
export type { VersionProfile, VersionName } from './profile';
export { Allocator, SMALL_REQUEST_THRESHOLD } from './allocator';
export { Heap, HeapExhausted, heapTrace } from './heap';
export type { GCHooks, HeapTrace, Summarize, FreeListSlot } from './heap';
export {
  PyObject,
  PySingleton,
  PyInt,
  PyFloat,
  PyStr,
  PyBytes,
  PyTuple,
  PyList,
  PyDict,
  PySet,
  PyWeakref,
  InternState,
  typeDictsChanged,
  typeDictsVersionNow,
} from './object';
export type { Visit, DictEntry, SetEntry } from './object';
export { PyTypeObject, TPFLAGS } from './type';
export {
  PyCode,
  PyCell,
  PyFunction,
  PyMethod,
  PyInstance,
  InlineValues,
  PyModule,
  PyFrame,
  type FrameOwnership,
  type FrameData,
  type InterpreterFrame,
  PyGenerator,
  PyException,
  PyTraceback,
  PyNative,
} from './runtime-objects';
export * as hash from './hash/index';
export * as text from './text/index';
export * as numbers from './numbers/index';
export * as tables from './tables/index';
export * as sizes from './sizes/index';
