// A small seeded pseudo-random generator (SplitMix32 seeding a xorshift128+ style
// state would be overkill): mulberry32, which is fast, has a 2^32 period per stream
// and is fully reproducible from an integer seed on every platform. The fuzzer
// derives one stream per program from the program's seed, so program N of a run is
// the same program whatever else the run generated.

/** A deterministic stream of numbers from a 32-bit seed. */
export class Random {
  /** @param {number} seed any integer; equal seeds give equal streams */
  constructor(seed) {
    // SplitMix-style scrambling so that seeds 1, 2, 3 … start far apart.
    let s = (seed ^ 0x9e3779b9) >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (s ^ (s >>> 16)) >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi] (both included). */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element of [[weight, value], …], chosen in proportion to the weights. */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) total += w;
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
}
