/**
 * Python's hash() for the built-in value types, under `PYTHONHASHSEED=0`
 * (so `_Py_HashSecret` is all zeros). Results are `Py_hash_t`: signed 64-bit,
 * as bigint; -1 is never returned (CPython maps it to -2).
 *
 * Read Python/pyhash.c, Objects/longobject.c long_hash(),
 * Objects/tupleobject.c tuplehash() and Objects/setobject.c frozenset_hash().
 */
import { siphash13, siphash24 } from './siphash.js';
import { decomposeDouble } from '../numbers/float-bits.js';
import { atLeast, type PyVersion } from '../sizes/version.js';

/** Which string-hash function CPython was built with (`sys.hash_info.algorithm`). */
export type HashAlgorithm = 'siphash24' | 'siphash13';

/** Which tuple-hash algorithm a version uses. */
export type TupleHashAlgorithm = 'xxhash' | 'legacy';

/** Version-dependent hashing choices. */
export interface HashProfile {
  /** 'siphash24' in 3.6–3.10, 'siphash13' from 3.11. */
  readonly algorithm: HashAlgorithm;
  /** 'legacy' (multiplier-based) before 3.8, 'xxhash' from 3.8. */
  readonly tupleHash: TupleHashAlgorithm;
  /** hash(nan) is 0 before 3.10; from 3.10 it is the object's pointer hash. */
  readonly nanHashIsPointer: boolean;
  /** From 3.12 hash(None) is the constant 0xFCA86420; before, a pointer hash. */
  readonly noneHashConstant: boolean;
}

/** The hashing profile of a CPython version (checked against 3.6–3.13). */
export function hashProfile(version: PyVersion): HashProfile {
  return {
    algorithm: atLeast(version, 3, 11) ? 'siphash13' : 'siphash24',
    tupleHash: atLeast(version, 3, 8) ? 'xxhash' : 'legacy',
    nanHashIsPointer: atLeast(version, 3, 10),
    noneHashConstant: atLeast(version, 3, 12),
  };
}

const MASK64 = (1n << 64n) - 1n;

/** `_PyHASH_MODULUS`: the Mersenne prime 2**61 - 1. */
export const PYHASH_MODULUS = (1n << 61n) - 1n;
/** `_PyHASH_INF`: hash(float('inf')). */
export const PYHASH_INF = 314159n;

/** Reinterpret an unsigned 64-bit value as a signed `Py_hash_t`. */
function toSigned(u: bigint): bigint {
  return BigInt.asIntN(64, u);
}

function fixMinusOne(h: bigint): bigint {
  return h === -1n ? -2n : h;
}

/**
 * Hash of a byte buffer. Mirrors Python/pyhash.c _Py_HashBytes() (3.12):
 * empty input hashes to 0; `Py_HASH_CUTOFF` is 0, so no DJBX33A path.
 */
export function hashBytes(data: Uint8Array, algorithm: HashAlgorithm): bigint {
  if (data.length === 0) return 0n;
  const u = algorithm === 'siphash13' ? siphash13(data) : siphash24(data);
  return fixMinusOne(toSigned(u));
}

/**
 * Bytes of a str's canonical (PEP 393) representation: 1 byte per char when all
 * code points < 256, 2 (UCS-2, little-endian) when < 65536, else 4 (UCS-4).
 * `s` is a JS string; surrogate pairs are joined into one code point
 * (lone surrogates stay as themselves, as in a Python str).
 */
export function strCanonicalBytes(s: string): Uint8Array {
  // Latin-1 text (the usual case) is its UTF-16 code units, one byte each.
  let latin1 = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      latin1 = false;
      break;
    }
  }
  if (latin1) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps: number[] = [];
  let max = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    cps.push(cp);
    if (cp > max) max = cp;
  }
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * kind);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] as number;
    for (let k = 0; k < kind; k++) out[i * kind + k] = (cp >>> (8 * k)) & 0xff;
  }
  return out;
}

/**
 * hash(str). Mirrors Objects/unicodeobject.c unicode_hash() (3.12), which hashes
 * `PyUnicode_DATA` of length `len * kind` with _Py_HashBytes().
 */
export function hashStr(s: string, algorithm: HashAlgorithm): bigint {
  return hashBytes(strCanonicalBytes(s), algorithm);
}

/**
 * hash(int). Mirrors Objects/longobject.c long_hash() (3.6–3.13): |v| reduced
 * modulo 2**61 - 1, with the sign of v; -1 becomes -2.
 */
export function hashInt(v: bigint): bigint {
  const neg = v < 0n;
  const r = (neg ? -v : v) % PYHASH_MODULUS;
  return fixMinusOne(neg ? -r : r);
}

/** hash(True) is 1 and hash(False) is 0 (bool inherits long_hash). */
export function hashBool(b: boolean): bigint {
  return b ? 1n : 0n;
}

/**
 * Hash of an address. Mirrors Python/pyhash.c _Py_HashPointer() (3.12):
 * the pointer rotated right by 4 bits as a 64-bit value; -1 becomes -2.
 * This is `object.__hash__` for objects without their own hash.
 */
export function hashPointer(address: bigint): bigint {
  const y = BigInt.asUintN(64, address);
  const r = ((y >> 4n) | (y << 60n)) & MASK64;
  return fixMinusOne(toSigned(r));
}

/**
 * hash(float). Mirrors Python/pyhash.c _Py_HashDouble() (3.6–3.13): the exact
 * rational value reduced modulo 2**61 - 1; ±inf hash to ±314159. NaN hashes to
 * 0 before 3.10 and to `hashPointer(address)` from 3.10 — pass the profile and
 * the NaN object's address.
 */
export function hashFloat(x: number, profile?: HashProfile, address?: bigint): bigint {
  if (Number.isNaN(x)) {
    if (profile?.nanHashIsPointer) {
      if (address === undefined) {
        throw new TypeError('hashFloat(nan) needs the object address from 3.10');
      }
      return hashPointer(address);
    }
    return 0n;
  }
  if (x === Infinity) return PYHASH_INF;
  if (x === -Infinity) return -PYHASH_INF;
  const { negative, mantissa, exponent } = decomposeDouble(x);
  let r = mantissa % PYHASH_MODULUS;
  // multiply by 2**exponent modulo 2**61 - 1; 2**61 ≡ 1, so use exponent mod 61
  const e = ((exponent % 61) + 61) % 61;
  r = (r << BigInt(e)) % PYHASH_MODULUS;
  return fixMinusOne(negative ? -r : r);
}

/**
 * hash(None). From 3.12 a constant (Objects/object.c none_hash(), 0xFCA86420);
 * before, object's default pointer hash of None's address.
 */
export function hashNone(profile: HashProfile, address?: bigint): bigint {
  if (profile.noneHashConstant) return 0xfca86420n;
  if (address === undefined) throw new TypeError('hashNone needs None\'s address before 3.12');
  return hashPointer(address);
}

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/**
 * hash(tuple) from the hashes of its items.
 * 'xxhash' mirrors Objects/tupleobject.c tuplehash() (3.8+, xxHash-based);
 * 'legacy' mirrors tuplehash() of 3.6/3.7 (multiplier 1000003).
 */
export function hashTuple(itemHashes: readonly bigint[], algorithm: TupleHashAlgorithm): bigint {
  const len = BigInt(itemHashes.length);
  if (algorithm === 'xxhash') {
    let acc = XXPRIME_5;
    for (const h of itemHashes) {
      const lane = BigInt.asUintN(64, h);
      acc = (acc + lane * XXPRIME_2) & MASK64;
      acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
      acc = (acc * XXPRIME_1) & MASK64;
    }
    acc = (acc + (len ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
    if (acc === MASK64) return 1546275796n;
    return toSigned(acc);
  }
  let x = 0x345678n;
  let mult = 1000003n;
  let n = itemHashes.length;
  for (const h of itemHashes) {
    n--;
    x = ((x ^ BigInt.asUintN(64, h)) * mult) & MASK64;
    mult = (mult + 82520n + BigInt(n + n)) & MASK64;
  }
  x = (x + 97531n) & MASK64;
  return fixMinusOne(toSigned(x));
}

function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & MASK64;
}

/**
 * hash(frozenset) from the hashes of its items (order does not matter).
 * Mirrors Objects/setobject.c frozenset_hash() (3.6–3.13).
 */
export function hashFrozenset(itemHashes: readonly bigint[]): bigint {
  let hash = 0n;
  for (const h of itemHashes) hash ^= shuffleBits(BigInt.asUintN(64, h));
  hash ^= ((BigInt(itemHashes.length) + 1n) * 1927868237n) & MASK64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & MASK64;
  if (hash === MASK64) hash = 590923713n;
  return toSigned(hash);
}
