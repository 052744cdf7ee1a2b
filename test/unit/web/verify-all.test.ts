import { describe, expect, it } from 'vitest';
import { type Verification, verifyWholeRun } from '../../../web/src/components/run/verify-all';

const part = (over: Partial<Verification>): Verification => ({
  runId: '2026-12-GAJI_TPP',
  state: 'LOCKED',
  slips: 0,
  differences: [],
  rulesetChangedSince: 0,
  ok: true,
  ...over,
});

describe('verifyWholeRun (the console follows verify’s nextChunk)', () => {
  it('should ask from each nextChunk until none is left and add the parts up', async () => {
    const asked: (number | undefined)[] = [];
    const parts: Record<string, Verification> = {
      start: part({ slips: 10_000, nextChunk: 50 }),
      50: part({
        slips: 10_000,
        ok: false,
        differences: [
          { nip: '198503152010011001', field: 'bersih', stored: 4_491_800, recomputed: 4_491_900 },
        ],
        rulesetChangedSince: 3,
        nextChunk: 100,
      }),
      100: part({ slips: 1_234 }),
    };
    const progress: number[] = [];
    const whole = await verifyWholeRun(
      async (from) => {
        asked.push(from);
        return parts[from === undefined ? 'start' : String(from)]!;
      },
      (n) => progress.push(n),
    );
    expect(asked).toEqual([undefined, 50, 100]);
    expect(progress).toEqual([50, 100]);
    // One difference in the middle part makes the whole run not ok, even though the last part is.
    expect(whole).toEqual({
      runId: '2026-12-GAJI_TPP',
      state: 'LOCKED',
      slips: 21_234,
      differences: [{ nip: '198503152010011001', field: 'bersih', stored: 4_491_800, recomputed: 4_491_900 }],
      rulesetChangedSince: 3,
      ok: false,
    });
  });

  it('should answer a run verified in one call as it is', async () => {
    const whole = await verifyWholeRun(async () => part({ slips: 120 }));
    expect(whole.slips).toBe(120);
    expect(whole.ok).toBe(true);
    expect('nextChunk' in whole).toBe(false);
  });

  it('should stop when nextChunk does not move forward instead of asking for ever', async () => {
    await expect(
      verifyWholeRun(async (from) => part({ slips: 1, nextChunk: from === undefined ? 5 : 5 })),
    ).rejects.toThrow(/does not move past 5/);
  });
});
