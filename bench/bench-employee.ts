import { TIMELINE_ASPECTS } from '../core/employee/employee';
import type { StoredEmployee } from '../core/employee/repository';
import type { TimelineEntry } from '../core/employee/timeline';
import { generateTenantSeed } from '../infra/local/seed/employees';

export type SeedTemplate = ReturnType<typeof generateTenantSeed>['members'][number]['employee'];

/**
 * A demo seed member copied under another NIP, in service since 2015, with one timeline entry per
 * aspect: how the benches make thousands of valid employees out of the few dozen of a demo tenant.
 */
export function benchEmployee(
  template: SeedTemplate,
  nip: string,
  current: Partial<Pick<StoredEmployee['current'], 'penempatan' | 'kepegawaian'>>,
  now: string,
): { employee: StoredEmployee; timelines: TimelineEntry[] } {
  const aspects = Object.fromEntries(
    TIMELINE_ASPECTS.map((a) => [a, template[a]]),
  ) as unknown as StoredEmployee['current'];
  const merged = { ...aspects, ...current } as StoredEmployee['current'];
  const {
    pangkat: _p,
    masaKerja: _m,
    jabatan: _j,
    penempatan: _pe,
    keluarga: _k,
    kepegawaian: _ke,
    ...identity
  } = template;
  const employee: StoredEmployee = {
    identity: { ...identity, nip, tmtStart: '2015-01-01' },
    current: merged,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const timelines = TIMELINE_ASPECTS.map(
    (aspect) =>
      ({
        aspect,
        from: '2015-01-01',
        value: merged[aspect],
        recordedAt: now,
        recordedBy: 'bench',
      }) as TimelineEntry,
  );
  return { employee, timelines };
}

/** Bantul pays the TPP of the month before the pay month: the benches run this pay month. */
export const BENCH_PAY_MONTH = '2026-11';
export const BENCH_TPP_MONTH = '2026-10';

function syntheticNip(i: number, template: string): string {
  // Keep the template's birth date and TMT (valid), vary gender digit and a 3-digit sequence + year.
  const seq = String((i % 999) + 1).padStart(3, '0');
  const year = String(1960 + Math.floor(i / 999)).padStart(4, '0');
  return `${year}${template.slice(4, 8)}${String(Number(year) + 25)}${template.slice(12, 14)}${(i % 2) + 1}${seq}`;
}

export interface BenchTenantEmployee {
  nip: string;
  opd: string;
  /** The employee row and, for a run of BENCH_PAY_MONTH, the complete appraisal result of its TPP month. */
  items: Record<string, unknown>[];
}

/**
 * `count` synthetic employees of one tenant (the demo members copied under new NIPs, spread over their
 * OPDs), each with a complete appraisal result for BENCH_TPP_MONTH: without one every employee of a run
 * would be an error entry (tpp.missingData ERROR). Imports the DynamoDB adapters lazily: the caller sets
 * DYNAMODB_ENDPOINT and TABLE_PREFIX first (the DocumentClient reads them at import).
 */
export async function benchTenantEmployees(
  tenant: string,
  count: number,
  now = '2026-07-01T00:00:00.000Z',
): Promise<BenchTenantEmployee[]> {
  const { employeeItem, rosterItem } = await import('../functions/employees/dynamo-employee-repository');
  const { records } = await import('../functions/appraisal/store/records');
  const members = generateTenantSeed(tenant).members;
  const out: BenchTenantEmployee[] = [];
  for (let i = 0; i < count; i++) {
    const m = members[i % members.length]!.employee;
    const nip = syntheticNip(i, m.nip);
    const { employee, timelines } = benchEmployee(
      m,
      nip,
      { penempatan: { opd: m.penempatan.opd, unit: m.penempatan.unit } },
      now,
    );
    const result = records.result({
      nip,
      nama: m.nama,
      opd: m.penempatan.opd,
      unit: m.penempatan.unit,
      unitId: `${m.penempatan.opd}/BENCH`,
      month: BENCH_TPP_MONTH,
      facts: {
        month: BENCH_TPP_MONTH,
        performance: { status: 'FINAL', predikat: 'BAIK' },
        discipline: { counts: i % 5 === 0 ? { TL1: 2 } : {}, leave: [], sanctions: [] },
        coverage: {
          attendance: { workingDays: 21, daysWithData: 21, missingDates: [] },
          evaluated: true,
        },
      },
      detail: {
        performance: {},
        discipline: {
          tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 },
          warnings: [],
        },
      },
      computedAt: now,
      computedBy: 'bench',
    });
    out.push({
      nip,
      opd: m.penempatan.opd,
      items: [employeeItem(employee, timelines), rosterItem(employee), result],
    });
  }
  return out;
}

/** Writes the items with `parallel` batch writers at once (DynamoDB Local takes ~4 well on 2 cores). */
export async function writeBenchItems(
  table: string,
  items: readonly Record<string, unknown>[],
  parallel = 4,
): Promise<void> {
  const { documentClient } = await import('../functions/table/client');
  const { batchWriteAll } = await import('../functions/table/batch');
  const slice = Math.ceil(items.length / parallel / 25) * 25;
  const writers: Promise<void>[] = [];
  for (let i = 0; i < items.length; i += slice) {
    writers.push(
      batchWriteAll(
        documentClient,
        table,
        items.slice(i, i + slice).map((Item) => ({ PutRequest: { Item } })),
      ),
    );
  }
  await Promise.all(writers);
}
