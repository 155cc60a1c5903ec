import { describe, expect, it } from 'vitest';
import { checkShard, seekTest } from './replay-check.test-util';

// Replaying a conformance case's trace gives the engine's state at every checked line (part 4 of 4).
describe('replay equals the engine', () => {
  it('3.12, part 4 of 4', () => {
    const { failures, total } = checkShard('3.12', 3, 4);
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(50);
  });
  it('seeking with keyframes gives the state of replaying from the start', () => {
    seekTest();
  });
});
