import { describe, expect, it } from 'vitest';
import { checkShard, seekTest } from './replay-check.test-util';

// Replaying a conformance case's trace gives the engine's state at every checked line (part 3 of 3).
describe('replay equals the engine', () => {
  it('3.12, part 3 of 3', () => {
    const { failures, total } = checkShard('3.12', 2, 3);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(50);
  });
  it('seeking with keyframes gives the state of replaying from the start', () => {
    seekTest();
  });
});
