import type {
  Child,
  DisciplineSummary,
  EmployeeSnapshot,
  MonthlyPerformanceResult,
  PayInput,
  TppPeriodFacts,
} from '../../../core/pay/types';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { parseTenantRuleset, type TenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import type { TenantParameterId, TenantValue } from '../../../core/rulesets/tenant-schema';
import bukitintanJson from '../../../rulesets/tenants/bukitintan.json' with { type: 'json' };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function anEmployee(overrides: Partial<EmployeeSnapshot> = {}): EmployeeSnapshot {
  return {
    nip: '199001012020011001',
    nama: 'Pegawai Uji',
    jenisAsn: 'PNS',
    golongan: 'III/a',
    mkgYears: 0,
    mkgMonths: 0,
    jabatan: { type: 'PELAKSANA' },
    kelasJabatan: 7,
    family: { children: [] },
    ptkpStatus: 'TK/0',
    tmtStart: '2020-01-01',
    status: 'AKTIF',
    hasNpwp: true,
    ...overrides,
  };
}

export function aChild(overrides: Partial<Child> = {}): Child {
  return {
    birthDate: '2015-05-10',
    status: 'KANDUNG',
    inSchool: true,
    married: false,
    hasIncome: false,
    ...overrides,
  };
}

export function aPerformance(overrides: Partial<MonthlyPerformanceResult> = {}): MonthlyPerformanceResult {
  return { status: 'FINAL', predikat: 'BAIK', ...overrides };
}

export function aDiscipline(overrides: Partial<DisciplineSummary> = {}): DisciplineSummary {
  return { counts: {}, leave: [], sanctions: [], ...overrides };
}

export function aTppPeriod(month: string, overrides: Partial<TppPeriodFacts> = {}): TppPeriodFacts {
  return { month, performance: aPerformance(), discipline: aDiscipline(), ...overrides };
}

/** A pay input for `month` whose TPP facts cover the month itself and the two before (any lag). */
export function aPayInput(
  overrides: Partial<Omit<PayInput, 'employee'>> & { employee?: Partial<EmployeeSnapshot> } = {},
): PayInput {
  const { employee, ...rest } = overrides;
  const month = rest.month ?? '2026-03';
  const [y, m] = month.split('-').map(Number) as [number, number];
  const back = (k: number) => {
    const idx = y * 12 + m - 1 - k;
    const mm = (idx % 12) + 1;
    return `${Math.floor(idx / 12)}-${mm < 10 ? '0' : ''}${mm}`;
  };
  return {
    tenantId: 'bukitintan',
    month,
    employee: anEmployee(employee),
    tppPeriods: [aTppPeriod(month), aTppPeriod(back(1)), aTppPeriod(back(2))],
    ...rest,
  };
}

export type TenantOverrides = { [K in TenantParameterId]?: TenantValue<K> };

/**
 * A tenant ruleset built from the bukitintan demo document with some parameters replaced (one version
 * from 2024-01-01), validated exactly like a shipped file.
 */
export function aTenantRuleset(overrides: TenantOverrides = {}, tenantId = 'bukitintan'): TenantRuleset {
  const doc = structuredClone(bukitintanJson) as unknown as Mutable<{
    tenantId: string;
    parameters: { id: string; versions: unknown[] }[];
  }>;
  doc.tenantId = tenantId;
  for (const parameter of doc.parameters) {
    const value = (overrides as Record<string, unknown>)[parameter.id];
    if (value !== undefined) {
      parameter.versions = [
        { from: '2024-01-01', value, source: { regulation: 'test override', refs: [] }, confidence: 'DEMO' },
      ];
    }
  }
  return parseTenantRuleset(doc, `test:${tenantId}`);
}

export const rulesetsFor = (tenant: TenantRuleset | keyof typeof demoTenantRulesets) => ({
  national: nationalRuleset,
  tenant: typeof tenant === 'string' ? demoTenantRulesets[tenant] : tenant,
});
