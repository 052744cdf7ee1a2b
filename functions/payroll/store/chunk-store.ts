import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../../core/errors';
import type { ChunkPlan } from '../../../core/payroll/chunks';
import type { ChunkItem, ChunkStore } from '../../../core/payroll/ports';
import type { OpdTotals } from '../../../core/payroll/run-types';
import { batchWriteAll } from '../../table/batch';
import { keys } from '../../table/keys';
import { queryPrefix } from '../../table/query';
import { transactWrite } from '../../table/transactions';

function chunkFromItem(item: Record<string, unknown>): ChunkItem {
  return {
    no: Number(item.no),
    opd: String(item.opd),
    nips: item.nips as string[],
    state: item.state as ChunkItem['state'],
    version: Number(item.version ?? 0),
    attempted: Boolean(item.attempted),
    computed: Number(item.computed ?? 0),
    errors: Number(item.errors ?? 0),
    totals: item.totals as OpdTotals | undefined,
    ...(item.added ? { added: item.added as { by: string; at: string } } : {}),
    ...(item.ledgered ? { ledgered: true } : {}),
  };
}

export function chunkItem(runId: string, p: ChunkPlan, added?: { by: string; at: string }) {
  return {
    ...keys.runChunk(runId, p.no),
    entity: 'CHUNK',
    no: p.no,
    opd: p.opd,
    nips: p.nips,
    state: 'PENDING',
    version: 0,
    computed: 0,
    errors: 0,
    ...(added ? { added } : {}),
  };
}

/** A run's chunks (CHUNK# items beside the run's META): plan, outcome counters, lock progress. */
export class DynamoChunkStore implements ChunkStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async putChunks(runId: string, plans: readonly ChunkPlan[]): Promise<void> {
    await batchWriteAll(
      this.db,
      this.table,
      plans.map((p) => ({ PutRequest: { Item: chunkItem(runId, p) } })),
    );
  }

  async listChunks(runId: string): Promise<ChunkItem[]> {
    const shards = await Promise.all(
      keys.runChunkShards(runId).map((k) => queryPrefix(this.db, this.table, k, true)),
    );
    return shards
      .flat()
      .map(chunkFromItem)
      .sort((a, b) => a.no - b.no);
  }

  async getChunk(runId: string, no: number): Promise<ChunkItem | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.runChunk(runId, no), ConsistentRead: true }),
    );
    return out.Item ? chunkFromItem(out.Item) : undefined;
  }

  async claimChunk(runId: string, no: number): Promise<ChunkItem | undefined> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.runChunk(runId, no),
          UpdateExpression: 'SET attempted = :t',
          // A missing chunk must not be created by the update; a DONE one has nothing left to do.
          ConditionExpression: 'attribute_exists(pk) AND #state <> :done',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':t': true, ':done': 'DONE' },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return out.Attributes ? chunkFromItem(out.Attributes) : undefined;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
      return undefined;
    }
  }

  /**
   * Marks a chunk done and moves the run's counters by the difference from the chunk's previous
   * outcome, in one transaction: a chunk processed twice (a retry, a resume) is counted once.
   */
  async completeChunk(
    runId: string,
    before: ChunkItem,
    after: { computed: number; errors: number; totals: OpdTotals | undefined },
    actor: string,
    now: string,
  ) {
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.runChunk(runId, before.no),
          UpdateExpression: 'SET #state = :done, version = :next, computed = :c, errors = :e, totals = :t',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':done': 'DONE',
            ':next': before.version + 1,
            ':v': before.version,
            ':c': after.computed,
            ':e': after.errors,
            ':t': after.totals ?? null,
          },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression:
            'ADD computed :dc, errors :de, chunksDone :dd, computedBy :actors SET computedAt = :now, lastComputedBy = :actor, version = version + :one',
          ConditionExpression: '#state = :draft',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':dc': after.computed - before.computed,
            ':de': after.errors - before.errors,
            ':dd': before.state === 'DONE' ? 0 : 1,
            ':now': now,
            ':actor': actor,
            ':actors': new Set([actor]),
            ':one': 1,
            ':draft': 'DRAFT',
          },
        },
      },
    ]);
    if (!result.ok) {
      // Another worker completed the same chunk first (a duplicate message, two starters resuming at
      // once): its outcome came from the same inputs, so this one has nothing left to add.
      const current = await this.getChunk(runId, before.no);
      if (result.failedIndexes.includes(0) && current && current.version > before.version) return;
      throw new DomainError(
        'CONFLICT',
        'RUN_CHANGED',
        `Run ${runId} berubah saat chunk ${before.no} diproses; ulangi`,
      );
    }
  }

  /** Puts chunks back to PENDING for a recompute; counters follow when each chunk completes again. */
  async reopenChunk(runId: string, chunk: ChunkItem): Promise<void> {
    await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.runChunk(runId, chunk.no),
          UpdateExpression: 'SET #state = :pending',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'PENDING', ':v': chunk.version },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression: 'ADD chunksDone :minus',
          ConditionExpression: '#state = :draft',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':minus': chunk.state === 'DONE' ? -1 : 0, ':draft': 'DRAFT' },
        },
      },
    ]);
  }

  async markLedgered(runId: string, no: number): Promise<void> {
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.runChunk(runId, no),
          UpdateExpression: 'SET ledgered = :t',
          ConditionExpression: 'attribute_not_exists(ledgered)',
          ExpressionAttributeValues: { ':t': true },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression: 'ADD chunksLedgered :one',
          ConditionExpression: '#state = :locking',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':one': 1, ':locking': 'LOCKING' },
        },
      },
    ]);
    // Already ledgered (a duplicate message, a resumed lock): counted the first time.
    if (!result.ok && !result.failedIndexes.includes(0)) {
      throw new DomainError('CONFLICT', 'RUN_CHANGED', `Run ${runId} tidak sedang dikunci`);
    }
  }
}
