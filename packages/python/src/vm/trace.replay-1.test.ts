import { describe, expect, it } from 'vitest';
import { CHECK_TIMEOUT_MS, checkShard } from './replay-check.test-util';

// Replaying a conformance case's trace gives the engine's state at every line (up to 400 a case) (part 2 of 4).
describe('replay equals the engine', () => {
  it('3.12, part 2 of 4', () => {
    const { failures, total } = checkShard('3.12', 1, 4);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(50);
  }, CHECK_TIMEOUT_MS);
  it('3.8, every twelfth case', () => {
    expect(checkShard('3.8', 1, 12).failures).toEqual([]);
  }, CHECK_TIMEOUT_MS);
});
