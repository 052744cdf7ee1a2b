import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../core/audit/audit';
import type { DeductionRegister, EmployeeDeductions } from '../../core/deductions/model';
import { type DeductionEmployee, type DeductionStore, staleRegister } from '../../core/deductions/register';
import { auditPut } from '../audit/audit-items';
import { employeeFromItem } from '../employees/dynamo-employee-repository';
import { batchGetAll } from '../table/batch';
import { keys } from '../table/keys';
import { queryPage } from '../table/query';
import { transactWrite } from '../table/transactions';
import {
  deductionRegisterFromItem,
  deductionTypesItem,
  employeeDeductionsFromItem,
  employeeDeductionsItem,
} from './items';

const guard = (expectedVersion: number) =>
  expectedVersion === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      };

function employeeOf(item: Record<string, unknown>): DeductionEmployee {
  const e = employeeFromItem(item);
  return {
    nip: e.identity.nip,
    nama: e.identity.nama,
    opd: e.current.penempatan.opd,
    tmtStart: e.identity.tmtStart,
    ...(e.identity.tmtEnd ? { tmtEnd: e.identity.tmtEnd } : {}),
  };
}

/** The register in the tenant table: every write is the item (conditional on its version) and its audit record. */
export class DynamoDeductionStore implements DeductionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getRegister(): Promise<DeductionRegister> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.deductionTypes(), ConsistentRead: true }),
    );
    return deductionRegisterFromItem(out.Item);
  }

  async putRegister(register: DeductionRegister, expectedVersion: number, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      { Put: { TableName: this.table, Item: deductionTypesItem(register), ...guard(expectedVersion) } },
      auditPut(this.table, audit),
    ]);
    if (!result.ok) throw staleRegister(expectedVersion);
  }

  async getEmployee(nip: string): Promise<EmployeeDeductions | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.employeeDeductions(nip), ConsistentRead: true }),
    );
    return out.Item ? employeeDeductionsFromItem(out.Item) : undefined;
  }

  async putEmployee(d: EmployeeDeductions, expectedVersion: number, audit: AuditEntry) {
    const result = await transactWrite(this.db, [
      { Put: { TableName: this.table, Item: employeeDeductionsItem(d), ...guard(expectedVersion) } },
      auditPut(this.table, audit),
    ]);
    if (!result.ok) throw staleRegister(expectedVersion);
  }

  async list(opd: string | undefined, limit: number, nextToken?: string) {
    const q = opd ? keys.deductionsByOpd(opd) : keys.allDeductions();
    const scope = `${this.table}|deductions|${opd ?? '*'}`;
    return queryPage(
      this.db,
      { table: this.table, index: q.index, pk: q.pk, scope, limit },
      nextToken,
      employeeDeductionsFromItem,
    );
  }

  async employee(nip: string): Promise<DeductionEmployee | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.employee(nip) }));
    return out.Item ? employeeOf(out.Item) : undefined;
  }

  async employees(nips: readonly string[]): Promise<Map<string, DeductionEmployee>> {
    const items = await batchGetAll(
      this.db,
      this.table,
      [...new Set(nips)].map((nip) => keys.employee(nip)),
    );
    return new Map(items.map((i) => [employeeOf(i).nip, employeeOf(i)]));
  }
}
