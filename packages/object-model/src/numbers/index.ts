/**
 * numbers/ — Python int (bigint) and float (number) semantics, exactly as
 * CPython computes them, with its error messages per version.
 */
export { NumberError, type NumberErrorType } from './errors.js';
export { type NumberProfile, numberProfile } from './profile.js';
export { type ExactDouble, decomposeDouble, bitLength } from './float-bits.js';
export { ratioToDouble, divRoundHalfEven } from './exact.js';
export {
  intFloorDiv,
  intMod,
  intDivmod,
  intTrueDiv,
  intToFloat,
  intLshift,
  intRshift,
  intPow,
  intPowMod,
  intRound,
  floatDivmod,
  floatFloorDiv,
  floatMod,
  floatTrueDiv,
  floatToInt,
  floatPow,
  COMPLEX_RESULT,
  floatRoundToInt,
  floatRound,
} from './arith.js';
export { parseInt, parseFloat, intToStr, isPyWhitespace } from './parse.js';
