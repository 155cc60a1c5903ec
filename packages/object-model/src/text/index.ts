/**
 * text/ — reprs and string formatting exactly as CPython produces them.
 */
export { floatRepr, strRepr, bytesRepr, isPrintableCodePoint, shortestDigits } from './repr.js';
