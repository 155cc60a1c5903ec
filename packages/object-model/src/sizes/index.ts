/**
 * sizes/ — sys.getsizeof() per CPython version (64-bit), and the version type
 * shared by the other primitives.
 */
export { type PyVersion, SUPPORTED_VERSIONS, atLeast } from './version.js';
export {
  type SizeProfile,
  type FixedSizeKind,
  sizeProfile,
  sizeofInt,
  sizeofInstance,
  sizeofStr,
  sizeofStrChars,
  sizeofBytes,
  sizeofBytearray,
  sizeofTuple,
  sizeofGenerator,
  sizeofFrame,
  type GeneratorCode,
  sizeofList,
  sizeofSet,
  sizeofSubtypeExtra,
} from './sizes.js';
