import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../fixtures/held-chunks.ts', import.meta.url));

/** Sites V8 decided to allocate in the old generation, as its pretenuring statistics report them. */
function tenuredSites(tuned: boolean): { tenured: number; total: string } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--trace-pretenuring-statistics', script, ...(tuned ? ['--tuned'] : [])],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 64 * 1024 * 1024 },
  );
  let tenured = 0;
  for (const match of out.matchAll(/ tenured=(\d+)/g)) tenured += Number(match[1]);
  return { tenured, total: /total=(\d+)/.exec(out)?.[1] ?? '' };
}

describe('batch heap tuning', () => {
  it('keeps V8 from moving slip allocation to the old generation when chunks hold their slips', () => {
    const plain = tenuredSites(false);
    const tuned = tenuredSites(true);
    // Without the tuning the held chunks do get their sites tenured: the case the tuning exists for.
    expect(plain.tenured).toBeGreaterThan(0);
    expect(tuned.tenured).toBe(0);
    expect(tuned.total).toBe(plain.total);
  }, 60_000);
});
