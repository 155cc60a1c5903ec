import { atLeast, type PyVersion } from '../sizes/version.js';

/** Version-dependent numeric behaviour and messages (verified on 3.6–3.13). */
export interface NumberProfile {
  /** `7 % 0`: 'integer division or modulo by zero' (≤3.10), 'integer modulo by zero' (3.11+). */
  readonly intModByZero: string;
  /** `7.0 // 0`: 'float divmod()' (≤3.8), 'float floor division by zero' (3.9+). */
  readonly floatFloorDivByZero: string;
  /** `7.0 % 0`: 'float modulo' (≤3.12), 'float modulo by zero' (3.13+). */
  readonly floatModByZero: string;
  /**
   * The default `sys.get_int_max_str_digits()`: 0 (no limit) in 3.6; 4300 from
   * 3.7.14/3.8.14/3.9.14/3.10.7 (backported security fix) and 3.11+.
   */
  readonly intMaxStrDigits: number;
  /** The limit message says '(4300)' before 3.11 and '(4300 digits)' from 3.11. */
  readonly intMaxStrDigitsSaysDigits: boolean;
  /** From 3.12 a str→int with invalid characters reports 'invalid literal' before the digit limit. */
  readonly intParseValidatesBeforeLimit: boolean;
  /** `float('')`: message ends with `''` from 3.8; 3.6/3.7 print nothing after the colon. */
  readonly floatEmptyStringRepr: boolean;
  /** `pow(b, -e, m)` computes a modular inverse from 3.8; before, it is a ValueError. */
  readonly powModNegativeExponent: boolean;
}

/** The numeric profile of a CPython version (patch releases as installed: 3.7.16 … 3.13.0). */
export function numberProfile(version: PyVersion): NumberProfile {
  return {
    intModByZero: atLeast(version, 3, 11) ? 'integer modulo by zero' : 'integer division or modulo by zero',
    floatFloorDivByZero: atLeast(version, 3, 9) ? 'float floor division by zero' : 'float divmod()',
    floatModByZero: atLeast(version, 3, 13) ? 'float modulo by zero' : 'float modulo',
    intMaxStrDigits: atLeast(version, 3, 7) ? 4300 : 0,
    intMaxStrDigitsSaysDigits: atLeast(version, 3, 11),
    intParseValidatesBeforeLimit: atLeast(version, 3, 12),
    floatEmptyStringRepr: atLeast(version, 3, 8),
    powModNegativeExponent: atLeast(version, 3, 8),
  };
}
