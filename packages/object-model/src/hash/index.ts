/**
 * hash/ — Python's hash() for built-in values under PYTHONHASHSEED=0.
 *
 * Every function mirrors the CPython function named in its doc comment; the
 * version-dependent choices are in {@link HashProfile} (see {@link hashProfile}).
 */
export { siphash24, siphash13 } from './siphash.js';
export {
  type HashAlgorithm,
  type TupleHashAlgorithm,
  type HashProfile,
  hashProfile,
  PYHASH_MODULUS,
  PYHASH_INF,
  hashBytes,
  hashStr,
  strCanonicalBytes,
  hashInt,
  hashBool,
  hashFloat,
  hashNone,
  hashPointer,
  hashTuple,
  hashFrozenset,
} from './hash.js';
