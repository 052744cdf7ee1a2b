import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../../core/audit/audit';
import { DomainError } from '../../../core/errors';
import type { ChunkPlan } from '../../../core/payroll/chunks';
import type { RunStore, StoredRun } from '../../../core/payroll/ports';
import type { OpdTotals, RunState, RunSummary } from '../../../core/payroll/run-types';
import { auditPut } from '../../audit/audit-items';
import { keys } from '../../table/keys';
import { queryPage } from '../../table/query';
import { transactWrite } from '../../table/transactions';
import { chunkItem } from './chunk-store';

const RUN_NUMBER_FIELDS = ['employees', 'computed', 'errors', 'chunks', 'chunksDone'] as const;

function runFromItem(item: Record<string, unknown>): StoredRun {
  const counts = Object.fromEntries(
    RUN_NUMBER_FIELDS.map((f) => [f, Number(item[f] ?? 0)]),
  ) as RunSummary['counts'];
  const {
    pk: _p,
    sk: _s,
    gsi2pk: _g,
    gsi2sk: _gs,
    entity: _e,
    chunksLedgered,
    computedBy,
    finalTotals,
    ...rest
  } = item;
  for (const f of RUN_NUMBER_FIELDS) delete (rest as Record<string, unknown>)[f];
  return {
    ...(rest as unknown as RunSummary),
    counts,
    // Totals live on the chunks (withTotals sums them); a locked run also keeps them on its own item,
    // so a list of runs shows what locked months paid without reading any chunk.
    totals: (finalTotals as OpdTotals[] | undefined) ?? [],
    planned: Boolean(item.planned),
    ...(chunksLedgered !== undefined ? { ledgeredChunks: Number(chunksLedgered) } : {}),
    // A string set in the table (ADD keeps it duplicate-free under concurrent writers).
    ...(computedBy ? { computedBy: [...(computedBy as Iterable<string>)].sort() } : {}),
  };
}

const runChanged = (runId: string) =>
  new DomainError('CONFLICT', 'RUN_CHANGED', `Run ${runId} telah berubah; muat ulang lalu coba lagi`);

/** Runs over the tenant table: the META item of the run's partition (its chunks: chunk-store.ts). */
export class DynamoRunStore implements RunStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(runId: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.run(runId), ConsistentRead: true }),
    );
    return out.Item ? runFromItem(out.Item) : undefined;
  }

  async list(limit: number, nextToken?: string) {
    const q = keys.runs();
    const scope = `${this.table}|runs`;
    return queryPage(
      this.db,
      { table: this.table, index: q.index, pk: q.pk, scope, limit, newestFirst: true },
      nextToken,
      runFromItem,
    );
  }

  /** Run ids begin with their month, so a year's runs are one range of the run index. */
  async ofYear(year: string) {
    const q = keys.runs();
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: q.index,
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :year)',
        ExpressionAttributeValues: { ':pk': q.pk, ':year': `${year}-` },
        ScanIndexForward: false,
      }),
    );
    return (out.Items ?? []).map(runFromItem);
  }

  async create(run: RunSummary, audit: AuditEntry): Promise<boolean> {
    const { counts, totals: _t, computedBy, ...rest } = run;
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...keys.run(run.id),
            ...keys.runIndexes(run.id),
            entity: 'RUN',
            ...rest,
            ...counts,
            computedBy: new Set(computedBy ?? [run.startedBy]),
            planned: false,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(this.table, audit),
    ]);
    return result.ok;
  }

  async markPlanned(runId: string, chunks: number, employees: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression: 'SET planned = :t, chunks = :c, employees = :e',
          ConditionExpression: 'attribute_exists(pk) AND planned = :f',
          ExpressionAttributeValues: { ':t': true, ':f': false, ':c': chunks, ':e': employees },
        }),
      );
    } catch (err) {
      // Another starter finished planning first: same plan, nothing to do.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  private transitionUpdate(
    runId: string,
    from: RunState,
    expectedVersion: number,
    set: Record<string, unknown>,
    remove: readonly string[] = [],
  ) {
    const names: Record<string, string> = { '#state': 'state' };
    const values: Record<string, unknown> = { ':from': from, ':v': expectedVersion, ':one': 1 };
    const sets = Object.entries(set).map(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:f${i}`] = v;
      return `#f${i} = :f${i}`;
    });
    const removes = remove.map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    });
    return {
      Update: {
        TableName: this.table,
        Key: keys.run(runId),
        UpdateExpression: `SET ${[...sets, 'version = version + :one'].join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: '#state = :from AND version = :v',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  async transition(
    runId: string,
    from: RunState,
    expectedVersion: number,
    set: Record<string, unknown>,
    audit: AuditEntry,
    remove: readonly string[] = [],
  ): Promise<void> {
    const result = await transactWrite(this.db, [
      this.transitionUpdate(runId, from, expectedVersion, set, remove),
      auditPut(this.table, audit),
    ]);
    if (!result.ok) throw runChanged(runId);
  }

  async beginLock(run: StoredRun, set: { lockedAt: string; lockedBy: string }, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      this.transitionUpdate(run.id, 'APPROVED', run.version, { state: 'LOCKING', ...set }),
      auditPut(this.table, audit),
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.monthLock(run.month), entity: 'MONTH_LOCK', runId: run.id, at: set.lockedAt },
        },
      },
    ]);
    if (!result.ok) throw runChanged(run.id);
  }

  async finishLock(runId: string, finalTotals: readonly OpdTotals[]) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression: 'SET #state = :locked, finalTotals = :t, version = version + :one',
          ConditionExpression: '#state = :locking',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':locked': 'LOCKED',
            ':locking': 'LOCKING',
            ':t': finalTotals,
            ':one': 1,
          },
        }),
      );
    } catch (err) {
      // Another finisher (the last ledger chunk, a retried lock) got there first.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  /**
   * The start of a recompute, in one transaction: the recomputer joins those who computed the run,
   * chunks for employees who joined since the start are added (the run's chunk count must still be
   * the one the plan was made against, so two recomputes cannot add the same employee twice), and the
   * audit record. At most ~95 new chunks fit one transaction (≈19,000 new employees at 200 a chunk).
   */
  async beginRecompute(
    runId: string,
    actor: string,
    now: string,
    expectedChunks: number,
    added: readonly ChunkPlan[],
    audit: AuditEntry,
  ): Promise<void> {
    if (added.length > 95) {
      throw new DomainError(
        'CONFLICT',
        'TOO_MANY_NEW_EMPLOYEES',
        `${added.length} chunk pegawai baru melebihi batas satu hitung ulang; mulai run baru`,
      );
    }
    const newEmployees = added.reduce((n, p) => n + p.nips.length, 0);
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression:
            'SET lastComputedBy = :a, computedAt = :n, version = version + :one ADD computedBy :actors, chunks :nc, employees :ne',
          ConditionExpression: '#state = :draft AND planned = :t AND chunks = :c',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':a': actor,
            ':n': now,
            ':one': 1,
            ':actors': new Set([actor]),
            ':nc': added.length,
            ':ne': newEmployees,
            ':draft': 'DRAFT',
            ':t': true,
            ':c': expectedChunks,
          },
        },
      },
      ...added.map((p) => ({
        Put: {
          TableName: this.table,
          Item: chunkItem(runId, p, { by: actor, at: now }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
      auditPut(this.table, audit),
    ]);
    if (!result.ok) throw runChanged(runId);
  }
}
