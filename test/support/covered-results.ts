import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { records } from '../../functions/appraisal/store/records';
import { batchWriteAll } from '../../functions/table/batch';

/**
 * Arranges what the appraisal would store for a month whose data is complete: a FINAL predikat BAIK, no
 * attendance code, every hari kerja covered. The payroll run pays TPP only on such a result (or by the
 * tenant's missing-data rule), so payroll tests that are not about appraisal store these first; a test
 * about missing data leaves them out.
 */
export interface CoveredMember {
  nip: string;
  opd: string;
  nama?: string;
}

export function coveredResultItem(member: CoveredMember, month: string, workingDays = 21) {
  return records.result({
    nip: member.nip,
    nama: member.nama ?? member.nip,
    opd: member.opd,
    unit: 'Sekretariat',
    unitId: `${member.opd}/SEKRETARIAT`,
    month,
    facts: {
      month,
      performance: { status: 'FINAL', predikat: 'BAIK' },
      discipline: { counts: {}, leave: [], sanctions: [] },
      coverage: { attendance: { workingDays, daysWithData: workingDays, missingDates: [] }, evaluated: true },
    },
    detail: {
      performance: {},
      discipline: {
        tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 },
        warnings: [],
      },
    },
    computedAt: `${month}-28T10:00:00.000Z`,
    computedBy: 'test.arrange',
  });
}

/** Stores a fully covered result for every member and month (BatchWriteItem; puts, so repeatable). */
export async function storeCoveredResults(
  client: DynamoDBDocumentClient,
  table: string,
  members: readonly CoveredMember[],
  months: readonly string[],
): Promise<void> {
  await batchWriteAll(
    client,
    table,
    members.flatMap((m) => months.map((month) => ({ PutRequest: { Item: coveredResultItem(m, month) } }))),
  );
}
