import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../../core/audit/audit';
import type { Budget, BudgetStore } from '../../../core/payroll/ports';
import { auditPut } from '../../audit/audit-items';
import { keys } from '../../table/keys';
import { transactWrite } from '../../table/transactions';

function budgetFromItem(b: Record<string, unknown>): Budget {
  return {
    opd: String(b.opd),
    paguTpp: Number(b.paguTpp),
    source: String(b.source),
    ...(b.updatedAt ? { updatedAt: String(b.updatedAt) } : {}),
    ...(b.updatedBy ? { updatedBy: String(b.updatedBy) } : {}),
  };
}

/** TPP pagu per OPD and year (BUDGET#<yyyy>: one small partition a year). */
export class DynamoBudgetStore implements BudgetStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async ofYear(year: string): Promise<Budget[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.budgetsOfYear(year).pk },
      }),
    );
    return (out.Items ?? []).map(budgetFromItem);
  }

  async get(year: string, opd: string): Promise<Budget | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.budget(year, opd) }));
    return out.Item ? budgetFromItem(out.Item) : undefined;
  }

  /** The pagu and its audit record in one transaction. */
  async put(year: string, budget: Budget, audit: AuditEntry): Promise<void> {
    await transactWrite(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.budget(year, budget.opd), entity: 'BUDGET', year, ...budget },
        },
      },
      auditPut(this.table, audit),
    ]);
  }

  /**
   * SIGAP keeps no OPD list of its own: an OPD exists when an employee is placed in it (the OPD#<opd>
   * partition of gsi1). A pagu for any other code (a typo, `2026-13`) would never be read by a run.
   */
  async opdExists(opd: string): Promise<boolean> {
    const index = keys.employeesByOpd(opd);
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index.index,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': index.pk },
        Limit: 1,
        ProjectionExpression: 'pk',
      }),
    );
    return (out.Items?.length ?? 0) > 0;
  }
}
