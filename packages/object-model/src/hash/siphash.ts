/**
 * SipHash-2-4 and SipHash-1-3 over bytes with a 128-bit key, as CPython's
 * Python/pyhash.c uses them for str/bytes hashing (siphash24 up to 3.10,
 * siphash13 as the default from 3.11).
 *
 * Mirrors Python/pyhash.c siphash24() / siphash13() (3.12). All arithmetic is
 * on unsigned 64-bit values held as bigint.
 */

const MASK64 = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK64;
}

function sipRounds(v: [bigint, bigint, bigint, bigint], rounds: number): void {
  for (let i = 0; i < rounds; i++) {
    v[0] = (v[0] + v[1]) & MASK64;
    v[1] = rotl(v[1], 13n);
    v[1] ^= v[0];
    v[0] = rotl(v[0], 32n);
    v[2] = (v[2] + v[3]) & MASK64;
    v[3] = rotl(v[3], 16n);
    v[3] ^= v[2];
    v[0] = (v[0] + v[3]) & MASK64;
    v[3] = rotl(v[3], 21n);
    v[3] ^= v[0];
    v[2] = (v[2] + v[1]) & MASK64;
    v[1] = rotl(v[1], 17n);
    v[1] ^= v[2];
    v[2] = rotl(v[2], 32n);
  }
}

function readU64LE(b: Uint8Array, off: number, len: number): bigint {
  let r = 0n;
  for (let i = len - 1; i >= 0; i--) r = (r << 8n) | BigInt(b[off + i] ?? 0);
  return r;
}

function sipHash(
  cRounds: number,
  dRounds: number,
  k0: bigint,
  k1: bigint,
  src: Uint8Array,
): bigint {
  const v: [bigint, bigint, bigint, bigint] = [
    k0 ^ 0x736f6d6570736575n,
    k1 ^ 0x646f72616e646f6dn,
    k0 ^ 0x6c7967656e657261n,
    k1 ^ 0x7465646279746573n,
  ];
  const n = src.length;
  let off = 0;
  for (; off + 8 <= n; off += 8) {
    const mi = readU64LE(src, off, 8);
    v[3] ^= mi;
    sipRounds(v, cRounds);
    v[0] ^= mi;
  }
  const t = readU64LE(src, off, n - off) | ((BigInt(n) & 0xffn) << 56n);
  v[3] ^= t;
  sipRounds(v, cRounds);
  v[0] ^= t;
  v[2] ^= 0xffn;
  sipRounds(v, dRounds);
  return (v[0] ^ v[1] ^ v[2] ^ v[3]) & MASK64;
}

/**
 * SipHash-2-4 of `src` with key (k0, k1); returns the unsigned 64-bit digest.
 * Mirrors Python/pyhash.c siphash24() (3.6–3.13). CPython's key is
 * `_Py_HashSecret.siphash.k0/k1`, both zero under `PYTHONHASHSEED=0`.
 */
export function siphash24(src: Uint8Array, k0 = 0n, k1 = 0n): bigint {
  return sipHash(2, 4, k0, k1, src);
}

/**
 * SipHash-1-3 of `src` with key (k0, k1); returns the unsigned 64-bit digest.
 * Mirrors Python/pyhash.c siphash13() (3.11+, where it is the default).
 */
export function siphash13(src: Uint8Array, k0 = 0n, k1 = 0n): bigint {
  return sipHash(1, 3, k0, k1, src);
}
