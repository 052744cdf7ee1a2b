import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeShards, type ShardReader } from '../../../functions/payroll/store/shard-merge';

/** A shard as DynamoDB answers it: sorted by NIP, at most `limit` items after a NIP, and whether more remain. */
function shardOf(nips: readonly string[], reads: { items: number }): ShardReader<{ nip: string }> {
  const sorted = [...nips].sort();
  return {
    async read(after, limit) {
      const rest = sorted.filter((n) => after === undefined || n > after);
      const items = rest.slice(0, limit).map((nip) => ({ nip }));
      reads.items += items.length;
      return { items, more: rest.length > limit };
    },
  };
}

async function pageThrough(shards: string[][], limit: number) {
  const reads = { items: 0 };
  const readers = shards.map((s) => shardOf(s, reads));
  const pages: string[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await mergeShards(readers, limit, after);
    pages.push(page.items.map((i) => i.nip));
    if (!page.more) break;
    after = page.items.at(-1)?.nip;
  }
  return { pages, reads: reads.items };
}

describe('mergeShards (one list over a run’s NIP shards)', () => {
  it('should list every NIP once, in order, in pages of the limit, whatever the shards hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[0-9]{18}$/), { maxLength: 120 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 25 }),
        async (nips, shardCount, limit) => {
          const shards = Array.from({ length: shardCount }, (_, s) =>
            nips.filter((_, i) => i % shardCount === s),
          );
          const { pages } = await pageThrough(shards, limit);
          expect(pages.flat()).toEqual([...nips].sort());
          for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
          expect(pages.at(-1)!.length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('should read about a page per page, not a page per shard', async () => {
    const nips = Array.from({ length: 6400 }, (_, i) => `199001012020${String(i * 7).padStart(6, '0')}`);
    const shards = Array.from({ length: 64 }, (_, s) => nips.filter((_, i) => i % 64 === s));
    const { pages, reads } = await pageThrough(shards, 50);
    expect(pages.flat()).toHaveLength(6400);
    // Each shard read ahead by at most one batch (4 items here) beyond what the pages emitted.
    expect(reads).toBeLessThanOrEqual(6400 + 64 * 4 * pages.length);
    expect(reads).toBeLessThan(64 * 50 * pages.length);
  });
});
