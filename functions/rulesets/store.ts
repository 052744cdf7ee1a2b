import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import type { RuleChange } from '../../core/rulesets/tenant-change';
import { auditPut } from '../audit/audit-items';
import { batchWriteAll } from '../table/batch';
import { keys } from '../table/keys';
import { queryAllPages } from '../table/query';
import { transactWrite } from '../table/transactions';

/** The repository document a tenant started from, as copied into its table. */
export interface SeedItem {
  /** `rulesets/tenants/<name>.json` (or the reference document re-labelled for the tenant). */
  file: string;
  document: unknown;
  seededAt: string;
  seededBy: string;
}

export interface RulesPartition {
  seed?: SeedItem;
  /** Approvals so far (0 before the first). */
  seq: number;
  changes: RuleChange[];
}

function changeFromItem(item: Record<string, unknown>): RuleChange {
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as RuleChange;
}

/**
 * The tenant's rules in its own table: one partition `RULES` with the seed, the approval counter and
 * every change (proposed, approved, rejected). Everything is read with one Query, which is what the
 * payroll run does once per run (functions/payroll/rulesets.ts).
 */
export class RulesStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly table: string,
  ) {}

  async load(): Promise<RulesPartition> {
    const items = await queryAllPages(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.rulesPartition().pk },
      // An approval must be seen by the run started right after it.
      ConsistentRead: true,
    });
    const out: RulesPartition = { seq: 0, changes: [] };
    for (const item of items) {
      if (item.entity === 'RULES_SEED') {
        out.seed = {
          file: String(item.file),
          document: item.document,
          seededAt: String(item.seededAt),
          seededBy: String(item.seededBy),
        };
      } else if (item.entity === 'RULES_HEAD') out.seq = Number(item.seq ?? 0);
      else if (item.entity === 'RULE_CHANGE') out.changes.push(changeFromItem(item));
    }
    return out;
  }

  /**
   * Stores a proposal with its audit record; on the tenant's first proposal the seed is copied in the
   * same transaction, so from then on the tenant's rules no longer follow the repository file.
   */
  async propose(change: RuleChange, seed: SeedItem | undefined, audit: AuditEntry): Promise<boolean> {
    const result = await transactWrite(this.db, [
      ...(seed
        ? [
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.rulesSeed(), entity: 'RULES_SEED', ...seed },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : []),
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.ruleChange(change.id), entity: 'RULE_CHANGE', ...change },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(this.table, audit),
    ]);
    return result.ok;
  }

  /**
   * PROPOSED → APPROVED with the next approval number, guarded twice: the change must still be
   * proposed, and no other approval may have happened since the caller read the counter.
   */
  async approve(
    changeId: string,
    expectedSeq: number,
    decision: { by: string; at: string; note?: string },
    audit: AuditEntry,
  ): Promise<'OK' | 'NOT_PROPOSED' | 'RACE'> {
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.ruleChange(changeId),
          UpdateExpression: `SET #status = :approved, seq = :seq, decidedBy = :by, decidedAt = :at${decision.note ? ', note = :note' : ''}`,
          ConditionExpression: '#status = :proposed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':approved': 'APPROVED',
            ':proposed': 'PROPOSED',
            ':seq': expectedSeq + 1,
            ':by': decision.by,
            ':at': decision.at,
            ...(decision.note ? { ':note': decision.note } : {}),
          },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.rulesHead(), entity: 'RULES_HEAD', seq: expectedSeq + 1, at: decision.at },
          ConditionExpression:
            expectedSeq === 0 ? 'attribute_not_exists(pk)' : 'attribute_exists(pk) AND seq = :expected',
          ...(expectedSeq === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedSeq } }),
        },
      },
      auditPut(this.table, audit),
    ]);
    if (result.ok) return 'OK';
    return result.failedIndexes.includes(0) ? 'NOT_PROPOSED' : 'RACE';
  }

  async reject(changeId: string, decision: { by: string; at: string; note: string }, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      {
        Update: {
          TableName: this.table,
          Key: keys.ruleChange(changeId),
          UpdateExpression: 'SET #status = :rejected, decidedBy = :by, decidedAt = :at, note = :note',
          ConditionExpression: '#status = :proposed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':rejected': 'REJECTED',
            ':proposed': 'PROPOSED',
            ':by': decision.by,
            ':at': decision.at,
            ':note': decision.note,
          },
        },
      },
      auditPut(this.table, audit),
    ]);
    return result.ok;
  }

  /**
   * Correction markers (the shape every backdated change writes, keys.correctionMarker) for employees
   * whose locked months the approved change reaches. Written before the approval: a marker without an
   * approval only makes the next run recompute and find no difference, whereas an approval without its
   * markers would leave a difference unpaid.
   */
  async raiseCorrectionMarkers(nips: readonly string[], since: string, at: string): Promise<void> {
    await batchWriteAll(
      this.db,
      this.table,
      nips.map((nip) => ({
        PutRequest: { Item: { ...keys.correctionMarker(nip), entity: 'CORRECTION_MARKER', since, at } },
      })),
    );
  }
}
