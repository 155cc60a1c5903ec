/**
 * tables/ — CPython's container storage, slot for slot: the set hash table and
 * list over-allocation (and, with them, iteration order and sys.getsizeof).
 */
export {
  SetTable,
  type KeyEq,
  type SetTableProfile,
  setTableProfile,
  PySet_MINSIZE,
  LINEAR_PROBES,
  PERTURB_SHIFT,
  SETENTRY_SIZE,
} from './set-table.js';
export { ListAllocation, type ListAllocProfile, listAllocProfile, listAssSlice, listResize } from './list-alloc.js';
export {
  type DictKeysProfile,
  type DictKeysState,
  dictKeysProfile,
  usableFraction,
  estimateSize,
  log2Keysize,
  estimateLog2Keysize,
  growthRate,
  indexSize,
  keysSize,
  dictObjectSizeof,
  PyDict_LOG_MINSIZE,
  PyDict_MINSIZE,
  SHARED_KEYS_MAX_SIZE,
} from './dict-keys.js';
