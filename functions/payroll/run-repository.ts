import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import { DomainError } from '../../core/errors';
import type { ChunkPlan } from '../../core/payroll/chunks';
import type {
  OpdTotals,
  PaidRecord,
  RunState,
  RunSummary,
  SlipError,
  StoredSlip,
} from '../../core/payroll/run-types';
import type { MonthlyFacts } from '../../core/payroll/snapshot';
import { auditPut } from '../audit/audit-items';
import { batchGetAll, batchWriteAll } from '../table/batch';
import { decodeCursor, encodeCursor } from '../table/cursor';
import { keys } from '../table/keys';
import { queryPrefix } from '../table/query';
import { transactWrite } from '../table/transactions';
import { encodeSlip } from './slip-codec';

export interface ChunkItem {
  no: number;
  opd: string;
  nips: string[];
  state: 'PENDING' | 'DONE';
  version: number;
  /** Set before the first slip write: a chunk never attempted has nothing stored to compare with. */
  attempted: boolean;
  computed: number;
  errors: number;
  totals: OpdTotals | undefined;
  /** Set on chunks a recompute planned for employees that joined after the run started. */
  added?: { by: string; at: string };
}

export interface RunExclusion {
  nip: string;
  /** The OPD the employee was excluded in: the row's own scope for a later withdrawal. */
  opd: string;
  reason: string;
  by: string;
  at: string;
}

function runNotDraft(runId: string) {
  return new DomainError(
    'CONFLICT',
    'RUN_NOT_DRAFT',
    `Run ${runId} bukan DRAFT; pengecualian hanya untuk DRAFT`,
  );
}

export interface SlipRow {
  nip: string;
  opd: string;
  inputHash: string;
  rulesetVersion: string;
  correctionsHash: string;
  payload: Uint8Array;
}

const RUN_NUMBER_FIELDS = ['employees', 'computed', 'errors', 'chunks', 'chunksDone'] as const;

function runFromItem(item: Record<string, unknown>): RunSummary & { planned: boolean } {
  const counts = Object.fromEntries(
    RUN_NUMBER_FIELDS.map((f) => [f, Number(item[f] ?? 0)]),
  ) as RunSummary['counts'];
  const { pk: _p, sk: _s, gsi2pk: _g, gsi2sk: _gs, entity: _e, computedBy, finalTotals, ...rest } = item;
  for (const f of RUN_NUMBER_FIELDS) delete (rest as Record<string, unknown>)[f];
  return {
    ...(rest as unknown as RunSummary),
    counts,
    // Totals live on the chunks (withTotals sums them); a locked run also keeps them on its own item,
    // so a list of runs shows what locked months paid without reading any chunk.
    totals: (finalTotals as OpdTotals[] | undefined) ?? [],
    planned: Boolean(item.planned),
    // A string set in the table (ADD keeps it duplicate-free under concurrent writers).
    ...(computedBy ? { computedBy: [...(computedBy as Iterable<string>)].sort() } : {}),
  };
}

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
  };
}

function chunkItem(runId: string, p: ChunkPlan, added?: { by: string; at: string }) {
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

/** Everything the payroll stores for a run, over the tenant table. */
export class RunRepository {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async getRun(runId: string) {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.run(runId), ConsistentRead: true }),
    );
    return out.Item ? runFromItem(out.Item) : undefined;
  }

  async listRuns(limit: number, nextToken?: string) {
    const q = keys.runs();
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: q.index,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': q.pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(nextToken, `${this.table}|runs`),
      }),
    );
    return {
      items: (out.Items ?? []).map(runFromItem),
      ...(out.LastEvaluatedKey
        ? { nextToken: encodeCursor(out.LastEvaluatedKey, `${this.table}|runs`) }
        : {}),
    };
  }

  /** Conditional create: of any number of simultaneous starts exactly one writes; the rest read it back. */
  async createRun(run: RunSummary, audit: AuditEntry): Promise<boolean> {
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

  async putChunks(runId: string, plans: readonly ChunkPlan[]): Promise<void> {
    await batchWriteAll(
      this.db,
      this.table,
      plans.map((p) => ({ PutRequest: { Item: chunkItem(runId, p) } })),
    );
  }

  async markPlanned(runId: string, chunks: number, employees: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.run(runId),
        UpdateExpression: 'SET planned = :t, chunks = :c, employees = :e',
        ConditionExpression: 'attribute_exists(pk) AND planned = :f',
        ExpressionAttributeValues: { ':t': true, ':f': false, ':c': chunks, ':e': employees },
      }),
    );
  }

  async listChunks(runId: string): Promise<ChunkItem[]> {
    return (await queryPrefix(this.db, this.table, keys.runChunkPrefix(runId), true)).map(chunkFromItem);
  }

  async getChunk(runId: string, no: number): Promise<ChunkItem | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.runChunk(runId, no), ConsistentRead: true }),
    );
    return out.Item ? chunkFromItem(out.Item) : undefined;
  }

  /** What a chunk already has stored: slip fingerprints, and which NIPs carry an error entry. */
  async slipRows(
    runId: string,
    nips: readonly string[],
  ): Promise<{ slips: Map<string, SlipRow>; errors: Set<string> }> {
    const rows = await batchGetAll(
      this.db,
      this.table,
      nips.flatMap((n) => [keys.slip(runId, n), keys.slipError(runId, n)]),
      'sk, nip, opd, inputHash, rulesetVersion, correctionsHash',
    );
    const slips = new Map<string, SlipRow>();
    const errors = new Set<string>();
    for (const r of rows) {
      if (String(r.sk).startsWith('ERR#')) errors.add(String(r.nip));
      else slips.set(String(r.nip), r as unknown as SlipRow);
    }
    return { slips, errors };
  }

  async markAttempted(runId: string, no: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.runChunk(runId, no),
        UpdateExpression: 'SET attempted = :t',
        ExpressionAttributeValues: { ':t': true },
      }),
    );
  }

  /** Slips replace by key, so a redone chunk never duplicates; a nip is either a slip or an error, never both. */
  async writeChunkOutcome(
    runId: string,
    slips: readonly { slip: StoredSlip; correctionsHash: string }[],
    errors: readonly SlipError[],
    existing: { slips: ReadonlyMap<string, unknown>; errors: ReadonlySet<string> },
  ) {
    const requests = [
      ...slips.flatMap(({ slip, correctionsHash }) => [
        {
          PutRequest: {
            Item: {
              ...keys.slip(runId, slip.header.nip),
              ...keys.slipIndexes(runId, slip.header.opd, slip.header.nip),
              entity: 'SLIP',
              nip: slip.header.nip,
              opd: slip.header.opd,
              inputHash: slip.inputHash,
              rulesetVersion: slip.rulesetVersion,
              correctionsHash,
              bersih: slip.slip.totals.bersih,
              payload: encodeSlip(slip),
            },
          },
        },
        // Only delete what exists: a delete costs the same write capacity as a put.
        ...(existing.errors.has(slip.header.nip)
          ? [{ DeleteRequest: { Key: keys.slipError(runId, slip.header.nip) } }]
          : []),
      ]),
      ...errors.flatMap((e) => [
        { PutRequest: { Item: { ...keys.slipError(runId, e.nip), entity: 'SLIP_ERROR', ...e } } },
        ...(existing.slips.has(e.nip) ? [{ DeleteRequest: { Key: keys.slip(runId, e.nip) } }] : []),
      ]),
    ];
    await batchWriteAll(this.db, this.table, requests);
  }

  /**
   * Marks a chunk done and moves the run's counters by the difference from the chunk's previous
   * outcome, in one transaction: a chunk processed twice (a retry, a resume) is counted once.
   */
  async completeChunk(
    runId: string,
    before: ChunkItem,
    after: Omit<ChunkItem, 'version' | 'state' | 'nips' | 'opd' | 'no' | 'attempted'>,
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
      const now = await this.getChunk(runId, before.no);
      if (result.failedIndexes.includes(0) && now && now.version > before.version) return;
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

  async querySlips(runId: string, opd: string | undefined, limit: number, nextToken?: string) {
    // A token resumes only the list it came from: this run, this OPD filter, this tenant's table.
    const scope = `${this.table}|slips|${runId}|${opd ?? '*'}`;
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        ...(opd
          ? {
              IndexName: keys.slipsOfRunOpd(runId, opd).index,
              KeyConditionExpression: 'gsi1pk = :pk',
              ExpressionAttributeValues: { ':pk': keys.slipsOfRunOpd(runId, opd).pk },
            }
          : {
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
              ExpressionAttributeValues: {
                ':pk': keys.slipsOfRun(runId).pk,
                ':sk': keys.slipsOfRun(runId).skPrefix,
              },
            }),
        Limit: limit,
        ExclusiveStartKey: decodeCursor(nextToken, scope),
      }),
    );
    return {
      items: (out.Items ?? []) as unknown as SlipRow[],
      ...(out.LastEvaluatedKey ? { nextToken: encodeCursor(out.LastEvaluatedKey, scope) } : {}),
    };
  }

  async allSlips(runId: string, opd?: string): Promise<SlipRow[]> {
    const rows: SlipRow[] = [];
    let token: string | undefined;
    do {
      const page = await this.querySlips(runId, opd, 500, token);
      rows.push(...page.items);
      token = page.nextToken;
    } while (token);
    return rows;
  }

  async getSlipRow(runId: string, nip: string): Promise<SlipRow | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.slip(runId, nip) }));
    return out.Item as SlipRow | undefined;
  }

  /** Error entries with their exclusion, which is kept apart so that a recompute cannot drop it. */
  async listErrors(runId: string): Promise<SlipError[]> {
    const [items, exclusions] = await Promise.all([
      queryPrefix(this.db, this.table, keys.slipErrorsOfRun(runId), true),
      queryPrefix(this.db, this.table, keys.runExclusions(runId), true),
    ]);
    const byNip = new Map(exclusions.map((x) => [String(x.nip), x as unknown as RunExclusion]));
    return items.map(({ pk: _p, sk: _s, entity: _e, excluded: _x, ...rest }) => {
      const x = byNip.get(String(rest.nip));
      return {
        ...(rest as unknown as SlipError),
        ...(x ? { excluded: { reason: x.reason, by: x.by, at: x.at } } : {}),
      };
    });
  }

  async getError(runId: string, nip: string): Promise<SlipError | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.slipError(runId, nip), ConsistentRead: true }),
    );
    return out.Item as SlipError | undefined;
  }

  async getExclusion(runId: string, nip: string): Promise<RunExclusion | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.runExclusion(runId, nip), ConsistentRead: true }),
    );
    return out.Item as RunExclusion | undefined;
  }

  /**
   * The run's side of an exclusion change: still a draft, the actor joins those who changed its data
   * (four eyes), and the version moves so an approval read before the change cannot go through.
   */
  private touchDraft(runId: string, actor: string) {
    return {
      Update: {
        TableName: this.table,
        Key: keys.run(runId),
        UpdateExpression: 'ADD computedBy :actors SET version = version + :one',
        ConditionExpression: '#state = :draft',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':draft': 'DRAFT', ':actors': new Set([actor]), ':one': 1 },
      },
    };
  }

  /** Excludes an employee who has an error entry; the exclusion outlives recomputes until withdrawn. */
  async excludeError(runId: string, exclusion: RunExclusion, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      {
        ConditionCheck: {
          TableName: this.table,
          Key: keys.slipError(runId, exclusion.nip),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      this.touchDraft(runId, exclusion.by),
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.runExclusion(runId, exclusion.nip), entity: 'RUN_EXCLUSION', ...exclusion },
        },
      },
      auditPut(this.table, audit),
    ]);
    if (!result.ok) {
      if (result.failedIndexes.includes(1)) throw runNotDraft(runId);
      const nip = exclusion.nip;
      throw new DomainError(
        'CONFLICT',
        'NOT_EXCLUDABLE',
        `Tidak ada entri gagal untuk NIP ${nip} pada run DRAFT ini`,
        [{ path: 'body.nip', message: 'tidak ada entri gagal yang bisa dikecualikan' }],
      );
    }
  }

  async withdrawExclusion(runId: string, nip: string, actor: string, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      {
        Delete: {
          TableName: this.table,
          Key: keys.runExclusion(runId, nip),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      this.touchDraft(runId, actor),
      auditPut(this.table, audit),
    ]);
    if (!result.ok) {
      if (result.failedIndexes.includes(1)) throw runNotDraft(runId);
      throw new DomainError('NOT_FOUND', 'NOT_FOUND', `NIP ${nip} tidak dikecualikan pada run ini`);
    }
  }

  /** A state change guarded by the expected state and version, written with its audit record (and extras). */
  async transition(
    runId: string,
    from: RunState,
    expectedVersion: number,
    set: Record<string, unknown>,
    audit: AuditEntry,
    extra: NonNullable<Parameters<typeof transactWrite>[1]> = [],
    remove: readonly string[] = [],
  ): Promise<void> {
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
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.run(runId),
          UpdateExpression: `SET ${[...sets, 'version = version + :one'].join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#state = :from AND version = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      auditPut(this.table, audit),
      ...extra,
    ]);
    if (!result.ok) {
      throw new DomainError(
        'CONFLICT',
        'RUN_CHANGED',
        `Run ${runId} telah berubah; muat ulang lalu coba lagi`,
      );
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
    if (!result.ok) {
      throw new DomainError(
        'CONFLICT',
        'RUN_CHANGED',
        `Run ${runId} telah berubah; muat ulang lalu coba lagi`,
      );
    }
  }

  /** Runs of a year (at most 12 months × 3 kinds), from the run index: run ids begin with their month. */
  async runsOfYear(year: string) {
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

  /** One employee's slip in each of the given runs (absent where the run has none for them). */
  async slipRowsOf(nip: string, runIds: readonly string[]): Promise<(SlipRow & { runId: string })[]> {
    const rows = await batchGetAll(
      this.db,
      this.table,
      runIds.map((id) => keys.slip(id, nip)),
    );
    return rows.map((r) => ({ ...(r as unknown as SlipRow), runId: String(r.pk).slice('RUN#'.length) }));
  }

  async isMonthLocked(month: string): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.monthLock(month) }));
    return Boolean(out.Item);
  }

  async paidLedger(nip: string): Promise<PaidRecord[]> {
    return (await queryPrefix(this.db, this.table, keys.paidLedgerPrefix(nip))).map(
      (i) => i.record as PaidRecord,
    );
  }

  async monthlyResults(nip: string): Promise<Map<string, MonthlyFacts>> {
    const items = await queryPrefix(this.db, this.table, keys.monthlyResultsPrefix(nip));
    return new Map(items.map((i) => [String(i.sk).slice(7), i.facts as MonthlyFacts]));
  }

  /** Clears a correction marker only if no newer backdated change arrived since the run read it. */
  async clearCorrectionMarker(nip: string, seenAt: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.correctionMarker(nip),
          ConditionExpression: '#at = :seen',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':seen': seenAt },
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }

  async putItems(items: readonly Record<string, unknown>[]): Promise<void> {
    await batchWriteAll(
      this.db,
      this.table,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
  }

  async budgets(year: string): Promise<Record<string, unknown>[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.budgetsOfYear(year).pk },
      }),
    );
    return out.Items ?? [];
  }
}
