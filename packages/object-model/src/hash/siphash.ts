/**
 * SipHash-2-4 and SipHash-1-3 over bytes with a 128-bit key, as CPython's
 * Python/pyhash.c uses them for str/bytes hashing (siphash24 up to 3.10,
 * siphash13 as the default from 3.11).
 *
 * Mirrors Python/pyhash.c siphash24() / siphash13() (3.12). Each unsigned
 * 64-bit state word is held as two uint32 halves (hi, lo) in plain numbers:
 * the hash of every new str key runs through here, and 64-bit BigInt
 * arithmetic was the engine's largest cost. Only the digest becomes a bigint.
 */

const LOW32 = 0xffffffffn;

/** The SipHash state v0..v3 as (hi, lo) uint32 halves: v0h, v0l, v1h, v1l, v2h, v2l, v3h, v3l. */
const V = new Uint32Array(8);

/**
 * SIPROUND, `count` times, on the state `V` (64-bit add with carry, rotations by
 * halves). A plain function over a typed array: a closure over eight local
 * variables would keep them in a heap context, which made hashing several times slower.
 */
function rounds(count: number): void {
  let v0h = V[0]!, v0l = V[1]!, v1h = V[2]!, v1l = V[3]!, v2h = V[4]!, v2l = V[5]!, v3h = V[6]!, v3l = V[7]!;
  for (let r = 0; r < count; r++) {
    let lo: number;
    let t: number;
    // v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32)
    lo = (v0l + v1l) >>> 0;
    v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0;
    v0l = lo;
    t = v1h;
    v1h = ((v1h << 13) | (v1l >>> 19)) >>> 0;
    v1l = ((v1l << 13) | (t >>> 19)) >>> 0;
    v1h = (v1h ^ v0h) >>> 0;
    v1l = (v1l ^ v0l) >>> 0;
    t = v0h;
    v0h = v0l;
    v0l = t;
    // v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2
    lo = (v2l + v3l) >>> 0;
    v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0;
    v2l = lo;
    t = v3h;
    v3h = ((v3h << 16) | (v3l >>> 16)) >>> 0;
    v3l = ((v3l << 16) | (t >>> 16)) >>> 0;
    v3h = (v3h ^ v2h) >>> 0;
    v3l = (v3l ^ v2l) >>> 0;
    // v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0
    lo = (v0l + v3l) >>> 0;
    v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0;
    v0l = lo;
    t = v3h;
    v3h = ((v3h << 21) | (v3l >>> 11)) >>> 0;
    v3l = ((v3l << 21) | (t >>> 11)) >>> 0;
    v3h = (v3h ^ v0h) >>> 0;
    v3l = (v3l ^ v0l) >>> 0;
    // v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32)
    lo = (v2l + v1l) >>> 0;
    v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0;
    v2l = lo;
    t = v1h;
    v1h = ((v1h << 17) | (v1l >>> 15)) >>> 0;
    v1l = ((v1l << 17) | (t >>> 15)) >>> 0;
    v1h = (v1h ^ v2h) >>> 0;
    v1l = (v1l ^ v2l) >>> 0;
    t = v2h;
    v2h = v2l;
    v2l = t;
  }
  V[0] = v0h; V[1] = v0l; V[2] = v1h; V[3] = v1l; V[4] = v2h; V[5] = v2l; V[6] = v3h; V[7] = v3l;
}

/** Mixes one message word (hi, lo) in: v3 ^= m; `count` rounds; v0 ^= m. */
function compress(mh: number, ml: number, count: number): void {
  V[6] ^= mh;
  V[7] ^= ml;
  rounds(count);
  V[0] ^= mh;
  V[1] ^= ml;
}

function sipHash(cRounds: number, dRounds: number, k0: bigint, k1: bigint, src: Uint8Array): bigint {
  const k0h = Number((k0 >> 32n) & LOW32);
  const k0l = Number(k0 & LOW32);
  const k1h = Number((k1 >> 32n) & LOW32);
  const k1l = Number(k1 & LOW32);
  // v0..v3 = k ^ "somepseudorandomlygeneratedbytes"
  V[0] = k0h ^ 0x736f6d65;
  V[1] = k0l ^ 0x70736575;
  V[2] = k1h ^ 0x646f7261;
  V[3] = k1l ^ 0x6e646f6d;
  V[4] = k0h ^ 0x6c796765;
  V[5] = k0l ^ 0x6e657261;
  V[6] = k1h ^ 0x74656462;
  V[7] = k1l ^ 0x79746573;

  const n = src.length;
  let off = 0;
  for (; off + 8 <= n; off += 8) {
    const ml = (src[off]! | (src[off + 1]! << 8) | (src[off + 2]! << 16) | (src[off + 3]! << 24)) >>> 0;
    const mh = (src[off + 4]! | (src[off + 5]! << 8) | (src[off + 6]! << 16) | (src[off + 7]! << 24)) >>> 0;
    compress(mh, ml, cRounds);
  }
  // The last 0–7 bytes, with the length's low byte in the top byte.
  let tl = 0;
  let th = (n & 0xff) << 24;
  for (let i = n - off - 1; i >= 0; i--) {
    const byte = src[off + i]!;
    if (i >= 4) th |= byte << (8 * (i - 4));
    else tl |= byte << (8 * i);
  }
  compress(th >>> 0, tl >>> 0, cRounds);
  V[5] ^= 0xff; // v2 ^= 0xff
  rounds(dRounds);
  const hi = (V[0]! ^ V[2]! ^ V[4]! ^ V[6]!) >>> 0;
  const lo = (V[1]! ^ V[3]! ^ V[5]! ^ V[7]!) >>> 0;
  return (BigInt(hi) << 32n) | BigInt(lo);
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
