/**
 * One list over several shards, each sorted by NIP: a k-way merge that reads each shard in small
 * batches and emits in NIP order, so a page costs about `limit` items read, not `limit` per shard.
 * Resuming needs only the last NIP emitted: every shard continues after it.
 */
export interface ShardReader<T> {
  /** The shard's items after `after` (exclusive; from the start when absent), at most `limit`. */
  read(after: string | undefined, limit: number): Promise<{ items: T[]; more: boolean }>;
}

interface ShardState<T> {
  reader: ShardReader<T>;
  buffer: T[];
  more: boolean;
  after: string | undefined;
}

export async function mergeShards<T extends { nip: string }>(
  readers: readonly ShardReader<T>[],
  limit: number,
  after: string | undefined,
): Promise<{ items: T[]; more: boolean }> {
  const batch = Math.max(4, Math.ceil((2 * limit) / readers.length));
  const shards: ShardState<T>[] = readers.map((reader) => ({ reader, buffer: [], more: true, after }));
  const items: T[] = [];
  const refill = async (s: ShardState<T>) => {
    const page = await s.reader.read(s.after, batch);
    s.buffer = page.items;
    s.more = page.more;
    s.after = page.items.at(-1)?.nip ?? s.after;
  };
  while (items.length < limit) {
    // A shard's head must be known before anything can be emitted: refill every empty one that has more.
    const empty = shards.filter((s) => s.buffer.length === 0 && s.more);
    if (empty.length > 0) {
      await Promise.all(empty.map(refill));
      continue;
    }
    let head: ShardState<T> | undefined;
    for (const s of shards) {
      const first = s.buffer[0];
      if (first && (!head || first.nip < head.buffer[0]!.nip)) head = s;
    }
    if (!head) break;
    items.push(head.buffer.shift()!);
  }
  return { items, more: shards.some((s) => s.buffer.length > 0 || s.more) };
}
