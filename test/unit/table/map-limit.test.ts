import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../functions/table/batch';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('mapLimit', () => {
  it('should keep at most `limit` calls in flight and return the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      inFlight -= 1;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('should start no new item after a failure, so nothing goes on behind the caller it failed', async () => {
    const started: number[] = [];
    const call = mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('item 1 failed');
      await tick();
      return n;
    });
    await expect(call).rejects.toThrow('item 1 failed');
    // Let anything still queued run: it must not start items beyond those in flight at the failure.
    for (let i = 0; i < 10; i++) await tick();
    expect(started).toEqual([1, 2]);
  });
});
