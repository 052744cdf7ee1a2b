import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../../core/audit/audit';
import { DomainError } from '../../../core/errors';
import type { RunExclusion, SlipFingerprint, SlipRow, SlipStore } from '../../../core/payroll/ports';
import type { SlipError, StoredSlip } from '../../../core/payroll/run-types';
import { auditPut } from '../../audit/audit-items';
import { batchGetAll, batchWriteAll, mapLimit } from '../../table/batch';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys, parseKey } from '../../table/keys';
import { queryAllPages, queryPrefix } from '../../table/query';
import { transactWrite } from '../../table/transactions';
import { decodeSlip, encodeSlip } from '../slip-codec';
import { mergeShards, type ShardReader } from './shard-merge';

function runNotDraft(runId: string) {
  return new DomainError(
    'CONFLICT',
    'RUN_NOT_DRAFT',
    `Run ${runId} bukan DRAFT; pengecualian hanya untuk DRAFT`,
  );
}

/** BatchWrite/BatchGet pages of one chunk in flight at once. */
const PAGES_IN_FLIGHT = 4;

const FINGERPRINT = 'sk, nip, opd, inputHash, rulesetVersion, correctionsHash';

/** A run's slips, error entries and exclusions; slips and errors spread over the run's NIP shards. */
export class DynamoSlipStore implements SlipStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async fingerprints(runId: string, nips: readonly string[]) {
    const rows = await batchGetAll(
      this.db,
      this.table,
      nips.flatMap((n) => [keys.slip(runId, n), keys.slipError(runId, n)]),
      FINGERPRINT,
    );
    const slips = new Map<string, SlipFingerprint>();
    const errors = new Set<string>();
    for (const r of rows) {
      if (parseKey.isSlipError(String(r.sk))) errors.add(String(r.nip));
      else slips.set(String(r.nip), r as unknown as SlipFingerprint);
    }
    return { slips, errors };
  }

  async writeOutcome(
    runId: string,
    slips: readonly { slip: StoredSlip; correctionsHash: string }[],
    errors: readonly SlipError[],
    existing: { slips: ReadonlyMap<string, unknown>; errors: ReadonlySet<string> },
  ) {
    const payloads = slips.map(({ slip }) => encodeSlip(slip));
    const requests = [
      ...slips.flatMap(({ slip, correctionsHash }, i) => [
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
              payload: payloads[i],
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
    // A chunk's pages (25 requests each) go a few at a time instead of one after another.
    const pages = Array.from({ length: Math.ceil(requests.length / 25) }, (_, i) =>
      requests.slice(i * 25, i * 25 + 25),
    );
    await mapLimit(pages, PAGES_IN_FLIGHT, (page) => batchWriteAll(this.db, this.table, page));
  }

  async slipsOf(runId: string, nips: readonly string[]): Promise<StoredSlip[]> {
    const rows = await batchGetAll(
      this.db,
      this.table,
      nips.map((n) => keys.slip(runId, n)),
    );
    return rows
      .map((r) => decodeSlip((r as unknown as SlipRow).payload))
      .sort((a, b) => a.header.nip.localeCompare(b.header.nip));
  }

  async getRow(runId: string, nip: string): Promise<SlipRow | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.slip(runId, nip) }));
    return out.Item as SlipRow | undefined;
  }

  /** One reader per shard of the run (or of the OPD in gsi1), each sorted by NIP. */
  private readers(runId: string, opd: string | undefined): ShardReader<SlipRow>[] {
    const query = (input: Omit<QueryCommandInput, 'TableName'>) => async (limit: number) => {
      const out = await this.db.send(new QueryCommand({ TableName: this.table, ...input, Limit: limit }));
      return { items: (out.Items ?? []) as unknown as SlipRow[], more: Boolean(out.LastEvaluatedKey) };
    };
    if (opd) {
      return keys.slipShardsOfRunOpd(runId, opd).map((shard) => ({
        read: (after, limit) =>
          query({
            IndexName: shard.index,
            KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk > :after' : 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': shard.pk, ...(after ? { ':after': after } : {}) },
          })(limit),
      }));
    }
    return keys.slipShardsOfRun(runId).map((shard) => ({
      read: async (after, limit) => {
        if (!after) {
          return query({
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
            ExpressionAttributeValues: { ':pk': shard.pk, ':sk': shard.skPrefix },
          })(limit);
        }
        // BETWEEN is inclusive: read one more and drop the NIP the list resumes after.
        const range = keys.slipsAfter(after);
        const page = await query({
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': shard.pk, ':from': range.skFrom, ':to': range.skTo },
        })(limit + 1);
        return { ...page, items: page.items.filter((r) => r.nip !== after).slice(0, limit) };
      },
    }));
  }

  async page(runId: string, opd: string | undefined, limit: number, nextToken?: string) {
    // A token resumes only the list it came from: this run, this OPD filter, this tenant's table.
    const scope = `${this.table}|slips|${runId}|${opd ?? '*'}`;
    const position = decodeCursor<{ after?: unknown }>(nextToken, scope);
    const after = typeof position?.after === 'string' ? position.after : undefined;
    const out = await mergeShards(this.readers(runId, opd), limit, after);
    const last = out.items.at(-1);
    return {
      items: out.items,
      ...(out.more && last ? { nextToken: encodeCursor({ after: last.nip }, scope) } : {}),
    };
  }

  async all(runId: string, opd?: string): Promise<SlipRow[]> {
    const shards: Omit<QueryCommandInput, 'TableName'>[] = opd
      ? keys.slipShardsOfRunOpd(runId, opd).map((s) => ({
          IndexName: s.index,
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': s.pk },
        }))
      : keys.slipShardsOfRun(runId).map((s) => ({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': s.pk, ':sk': s.skPrefix },
        }));
    const pages = await mapLimit(shards, 8, (q) => queryAllPages(this.db, { TableName: this.table, ...q }));
    return (pages.flat() as unknown as SlipRow[]).sort((a, b) => a.nip.localeCompare(b.nip));
  }

  async ofEmployee(nip: string, runIds: readonly string[]) {
    const rows = await batchGetAll(
      this.db,
      this.table,
      runIds.map((id) => keys.slip(id, nip)),
    );
    return rows.map((r) => ({ ...(r as unknown as SlipRow), runId: parseKey.slipRunId(String(r.pk)) }));
  }

  /** Error entries with their exclusion, which is kept apart so that a recompute cannot drop it. */
  async listErrors(runId: string): Promise<SlipError[]> {
    const [shards, exclusions] = await Promise.all([
      mapLimit(keys.slipErrorShardsOfRun(runId), 8, (k) => queryPrefix(this.db, this.table, k, true)),
      queryPrefix(this.db, this.table, keys.runExclusions(runId), true),
    ]);
    const items = shards.flat().sort((a, b) => String(a.nip).localeCompare(String(b.nip)));
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
  async exclude(runId: string, exclusion: RunExclusion, audit: AuditEntry) {
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
}

/**
 * All slips of a run (optionally of one OPD), sorted by NIP: the one function documents, reports and
 * tax lists read a run's slips with (functions/payroll/documents, functions/reports, functions/tax).
 */
export function allSlipsOfRun(
  db: DynamoDBDocumentClient,
  table: string,
  runId: string,
  opd?: string,
): Promise<SlipRow[]> {
  return new DynamoSlipStore(db, table).all(runId, opd);
}
