import { describe, expect, it } from 'vitest';
import {
  hashBytes, hashFloat, hashFrozenset, hashInt, hashNone, hashPointer, hashProfile,
  hashStr, hashTuple, siphash24,
} from './index.js';
import { SUPPORTED_VERSIONS } from '../sizes/version.js';

// Expected values recorded with PYTHONHASHSEED=0 from CPython 3.6.15 … 3.13.0.
const STRS = ['', 'a', 'abc', 'hello world', 'x'.repeat(7), 'x'.repeat(8), 'x'.repeat(9), 'é', 'héllo', 'Ω', 'αβγ', '😀', 'a😀', '\x00', '\u0100', 'abcdefghijklmnopqrstuvwxyz0123456789'];
const STR_24 = [0n, -7583489610679606711n, 4596069200710135518n, 6266945022561323786n, -1627386143348457377n, 4616541977973189679n, 7470343895147181536n, 4954367630624915103n, 4859160228502007135n, -6533091459809065800n, 5856769925666991254n, 2694534307785527896n, -6723008209643320371n, -8405392928520026739n, 7116620274505051173n, -105433858522937746n];
const UTF8_24 = [0n, -7583489610679606711n, 4596069200710135518n, 6266945022561323786n, -1627386143348457377n, 4616541977973189679n, 7470343895147181536n, 6332414642301591832n, 7485703211758608893n, 8912096876089448671n, 2425916049026218910n, -3529493457983568460n, -7032905654831651028n, -8405392928520026739n, -9013476699251726217n, -105433858522937746n];
const STR_13 = [0n, 4644417185603328019n, -4594863902769663758n, -5642461784034726774n, 4423015880544474238n, -4724777423671707232n, 1110956022226650754n, 6047309291227476195n, 6395329678795984700n, -4435444875665441047n, -8649766505409503091n, -3536540696076613844n, -6970120874385731343n, 7541581120933061747n, 75343234424780393n, -99395660548226206n];
const UTF8_13 = [0n, 4644417185603328019n, -4594863902769663758n, -5642461784034726774n, 4423015880544474238n, -4724777423671707232n, 1110956022226650754n, -1266968099349302080n, -7868526401592800201n, -2232143152778394416n, 7170787205236193480n, 7564481540052349486n, -4952651951202063539n, 7541581120933061747n, 5299464223771308395n, -99395660548226206n];
const enc = new TextEncoder();

describe('str / bytes hash', () => {
  it('siphash24 (3.6–3.10)', () => {
    expect(STRS.map((s) => hashStr(s, 'siphash24'))).toEqual(STR_24);
    expect(STRS.map((s) => hashBytes(enc.encode(s), 'siphash24'))).toEqual(UTF8_24);
  });
  it('siphash13 (3.11+)', () => {
    expect(STRS.map((s) => hashStr(s, 'siphash13'))).toEqual(STR_13);
    expect(STRS.map((s) => hashBytes(enc.encode(s), 'siphash13'))).toEqual(UTF8_13);
  });
  it('profile picks the algorithm per version', () => {
    expect(SUPPORTED_VERSIONS.map((v) => hashProfile(v).algorithm)).toEqual([
      'siphash24', 'siphash24', 'siphash24', 'siphash24', 'siphash24', 'siphash13', 'siphash13', 'siphash13',
    ]);
  });
  it('siphash24 reference vector (key 00..0f, empty message)', () => {
    // From the SipHash paper's test vectors: 0x726fdb47dd0e0e31
    const k0 = 0x0706050403020100n, k1 = 0x0f0e0d0c0b0a0908n;
    expect(siphash24(new Uint8Array(0), k0, k1)).toBe(0x726fdb47dd0e0e31n);
  });
});

describe('numeric hashes (same in every version)', () => {
  it('int', () => {
    const ints = [0n, 1n, -1n, -2n, 2n ** 61n - 2n, 2n ** 61n - 1n, 2n ** 61n, -(2n ** 61n), 2n ** 64n, 10n ** 30n, -(10n ** 30n), 2n ** 100n + 12345n, 12345678901234567890n];
    expect(ints.map(hashInt)).toEqual([0n, 1n, -2n, -2n, 2305843009213693950n, 0n, 1n, -2n, 8n, 465258685558744706n, -465258685558744706n, 549755826233n, 816463855166098135n]);
  });
  it('float', () => {
    const fl = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 1e300, 1e-300, 5e-324, Infinity, -Infinity, 3.141592653589793, 1e16, 2 ** 61, 2 ** 62, 0.1];
    expect(fl.map((x) => hashFloat(x))).toEqual([0n, 0n, 1n, -2n, 1152921504606846976n, 1152921504606846977n, -1152921504606846978n, 1224995262755759164n, 482449582752280463n, 16777216n, 314159n, -314159n, 326490430436040707n, 10000000000000000n, 1n, 2n, 230584300921369408n]);
  });
  it('nan: 0 before 3.10, pointer hash after', () => {
    expect(hashFloat(NaN, hashProfile([3, 9]))).toBe(0n);
    expect(hashFloat(NaN, hashProfile([3, 10]), 0x7f9a0c0d0e10n)).toBe(hashPointer(0x7f9a0c0d0e10n));
  });
});

describe('tuple, frozenset, None, pointer', () => {
  it('tuple legacy (3.6/3.7) and xxhash (3.8+)', () => {
    const items: bigint[][] = [[], [1n], [1n, 2n], [1n, 2n, 3n], [-2n]];
    expect(items.map((t) => hashTuple(t, 'legacy'))).toEqual([3527539n, 3430019387558n, 3713081631934410656n, 2528502973977326415n, -3430020192499n]);
    expect(items.map((t) => hashTuple(t, 'xxhash'))).toEqual([5740354900026072187n, -6644214454873602895n, -3550055125485641917n, 529344067295497451n, 8078679518589016365n]);
    const ab = (alg: 'siphash24' | 'siphash13') => [hashStr('a', alg), hashStr('b', alg)];
    expect(hashTuple(ab('siphash24'), 'legacy')).toBe(7872422567732255414n);
    expect(hashTuple(ab('siphash24'), 'xxhash')).toBe(-112675601284210612n);
    expect(hashTuple(ab('siphash13'), 'xxhash')).toBe(7372137184884179083n);
    const nested = hashTuple([hashTuple([1n, 2n], 'xxhash'), 3n], 'xxhash');
    expect(nested).toBe(-333907151259015829n);
    expect(hashTuple([hashTuple([1n, 2n], 'legacy'), 3n], 'legacy')).toBe(5314947466933101882n);
  });
  it('frozenset', () => {
    expect(hashFrozenset([])).toBe(133146708735736n);
    expect(hashFrozenset([1n, 2n, 3n])).toBe(-272375401224217160n);
    expect(hashFrozenset([hashStr('a', 'siphash24'), hashStr('b', 'siphash24')])).toBe(-2510718204010081591n);
    expect(hashFrozenset([hashStr('a', 'siphash13'), hashStr('b', 'siphash13')])).toBe(1679668661828516449n);
  });
  it('None: constant from 3.12', () => {
    expect(hashNone(hashProfile([3, 12]))).toBe(4238894112n);
    expect(hashNone(hashProfile([3, 13]))).toBe(4238894112n);
    expect(hashNone(hashProfile([3, 11]), 0x55d1a2b3c4e0n)).toBe(hashPointer(0x55d1a2b3c4e0n));
  });
  it('pointer hash rotates right by 4', () => {
    expect(hashPointer(0x7f0000001230n)).toBe(0x7f000000123n);
    expect(hashPointer(0x7f000000123fn)).toBe(BigInt.asIntN(64, 0xf0000_7f000000123n));
  });
});
