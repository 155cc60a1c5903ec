import { describe, expect, it } from 'vitest';
import { checkShard } from './replay-check.test-util';

// Replaying a conformance case's trace gives the engine's state at every checked line (part 1 of 3).
describe('replay equals the engine', () => {
  it('3.12, part 1 of 3', () => {
    const { failures, total } = checkShard('3.12', 0, 3);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(50);
  });
  it('3.10, every eighth case', () => {
    const { failures } = checkShard('3.10', 0, 8);
    expect(failures).toEqual([]);
  });
});
