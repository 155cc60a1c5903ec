/**
 * Error messages that differ between CPython versions. Each field was checked
 * against the real interpreters 3.6–3.12; everything not listed here uses
 * CPython 3.12's text for every version. Positions are always 3.12's.
 */

/** The version-dependent message texts of one CPython version. */
export interface Messages {
  /** `cannot` (3.8+) or `can't` (3.6, 3.7). */
  cannot: string;
  /** 3.10+: `cannot assign to literal here. Maybe you meant '==' instead of '='?`. */
  hereHint: boolean;
  /** 3.6/3.7 call None/True/False a keyword. */
  keywordConstant: boolean;
  nonDefaultAfterDefault: string;
  /** 3.10+ messages from the new parser's error rules (else `invalid syntax`). */
  pegHints: boolean;
  /** `unterminated string literal (detected at line N)` (3.10+) or `EOL while scanning string literal`. */
  unterminatedString: (line: number) => string;
  unterminatedTriple: (line: number) => string;
  expectedIndent: (what: string, line: number) => string;
  keywordRepeated: (name: string) => string;
  /** 3.8+: `unmatched ')'`. */
  unmatchedClose: boolean;
  /** 3.9+: `'function call' is an illegal expression for augmented assignment`. */
  augAssignIllegal: boolean;
}

/** The message table for `version` (default 3.12). */
export function messagesFor(version: readonly [number, number] = [3, 12]): Messages {
  const minor = version[0] === 3 ? version[1] : 12;
  const peg = minor >= 10;
  return {
    cannot: minor >= 8 ? 'cannot' : "can't",
    hereHint: peg,
    keywordConstant: minor < 8,
    nonDefaultAfterDefault: minor >= 12 ? 'parameter without a default follows parameter with a default' : 'non-default argument follows default argument',
    pegHints: peg,
    unterminatedString: (line) => (peg ? `unterminated string literal (detected at line ${line})` : 'EOL while scanning string literal'),
    unterminatedTriple: (line) => (peg ? `unterminated triple-quoted string literal (detected at line ${line})` : 'EOF while scanning triple-quoted string literal'),
    expectedIndent: (what, line) => (peg ? `expected an indented block after ${what} on line ${line}` : 'expected an indented block'),
    keywordRepeated: (name) => (minor >= 9 ? `keyword argument repeated: ${name}` : 'keyword argument repeated'),
    unmatchedClose: minor >= 8,
    augAssignIllegal: minor >= 9,
  };
}
