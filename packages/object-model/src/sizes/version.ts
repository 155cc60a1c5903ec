/**
 * A CPython version as `[major, minor]`, e.g. `[3, 12]`. pymem models 3.6 … 3.13.
 */
export type PyVersion = readonly [major: number, minor: number];

/** The CPython versions whose behaviour these primitives were verified against. */
export const SUPPORTED_VERSIONS: readonly PyVersion[] = [
  [3, 6], [3, 7], [3, 8], [3, 9], [3, 10], [3, 11], [3, 12], [3, 13],
];

/** True when `v` is at least `major.minor`. */
export function atLeast(v: PyVersion, major: number, minor: number): boolean {
  return v[0] > major || (v[0] === major && v[1] >= minor);
}
