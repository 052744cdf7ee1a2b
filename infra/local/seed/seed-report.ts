import type { SeedResult } from './seed-api';
import type { TenantHistoryResult } from './seed-history';

/** What `npm start` prints about the demo data: one line for the seed, one entry per tenant in the banner. */
export function seedSummary(results: readonly (SeedResult | TenantHistoryResult)[], ms: number): string[] {
  const created = results.reduce((n, r) => n + r.created, 0);
  const existing = results.reduce((n, r) => n + r.existing, 0);
  const histories = results.filter((r): r is TenantHistoryResult => 'counts' in r && r.profile);
  if (histories.length === 0)
    return [`Seeded ${created} employees (${existing} already present) in ${ms} ms`];
  const sum = (f: (r: TenantHistoryResult) => number) => histories.reduce((n, r) => n + f(r), 0);
  const played = histories.filter((r) => !r.alreadyComplete);
  const lines = [
    `Seeded ${created} employees (${existing} already present) and their history in ${ms} ms` +
      (played.length < histories.length
        ? ` (${histories.length - played.length} tenant(s) already complete)`
        : ''),
  ];
  if (played.length > 0) {
    lines.push(
      `  History: ${sum((r) => r.counts.skps)} approved SKP, ${sum((r) => r.counts.realizations)} realisasi, ` +
        `${sum((r) => r.counts.evaluations)} penilaian, ${sum((r) => r.counts.punches)} presensi, ` +
        `${sum((r) => r.counts.leaves)} cuti, ${sum((r) => r.counts.tkDays)} hari TK, ` +
        `${sum((r) => r.counts.sanctions)} hukuman disiplin, ${sum((r) => r.counts.runsLocked)} runs locked`,
    );
  }
  const sample = played[0];
  if (sample?.current) {
    lines.push(
      `  Months: performance ${sample.months.join(', ')}; locked runs ${sample.payMonths.join(', ')}; ` +
        `${sample.current} has no run yet (run it in the console)`,
    );
  }
  return lines;
}

/** `bantul (34 pegawai)`, or for a tenant added without a demo profile `ternate: tanpa data demo`. */
export function tenantSummary(tenantId: string, employees: number, hasProfile: boolean): string {
  return hasProfile || employees > 0 ? `${tenantId} (${employees} pegawai)` : `${tenantId}: tanpa data demo`;
}
