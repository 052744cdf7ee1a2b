import type { Principal } from '../../../core/auth/principal';
import { addMonths } from '../../../core/discipline/calendar-date';
import { DomainError } from '../../../core/errors';
import type { Predikat } from '../../../core/pay/types';
import { calibrate } from '../../../core/performance/calibration';
import { followUpLists, type MonthlyResultRecord } from '../../../core/performance/follow-up';
import { PREDIKAT_LABELS, PREDIKAT_RANK } from '../../../core/performance/predikat';
import { calibrationGroupOf, unitMultiplierPercent } from '../../../core/performance/unit-rating';
import { toCsv } from '../../payroll/documents/csv';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { renderFollowUpXlsx } from '../documents/follow-up-xlsx';
import { settingsFor, tenantConfig } from '../settings';
import { parse } from '../store/records';
import { allResults, opdScope } from './results';
import { storedUnitRatings } from './unit-ratings';

/** Reports over stored month results: calibration against the tenant's curve, follow-up lists, warnings. */
export async function calibrationReport(
  month: string,
  opd: string | undefined,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const scope = opdScope(principal, opd, 'query.opd');
  const settings = settingsFor(deps.tenantId, month);
  const config = settings.calibration;
  const [results, ratings] = await Promise.all([
    allResults(month, scope, deps),
    storedUnitRatings(month, deps),
  ]);
  // The unit's own predikat scales its curve (Binjai); keyed by the group it applies to.
  const unitPredikat = Object.fromEntries(ratings.map((r) => [r.unitId, r.predikat]));
  const unitNames = new Map<string, string>();
  for (const r of results) unitNames.set(r.unitId, r.unit);
  const report = calibrate(
    month,
    results.map((r) => ({
      nip: r.nip,
      opd: r.opd,
      // Grouped by unit, the group key is the unit id (OPD/UNIT-SLUG) the unit ratings name.
      unit: r.unitId.startsWith(`${r.opd}/`) ? r.unitId.slice(r.opd.length + 1) : r.unit,
      result: r.facts.performance,
    })),
    config,
    unitPredikat,
  );
  const groups = report.groups.map((g) => {
    const own = unitPredikat[g.key];
    return {
      ...g,
      ...(config.groupBy === 'UNIT' ? { unitId: g.key, unitName: unitNames.get(g.key) ?? null } : {}),
      unitPredikat: own ?? null,
      multiplierPercent: unitMultiplierPercent(own, config),
    };
  });
  return { ...report, groups, opd: scope ?? null, curve: config, results: results.length };
}

/** Drill-down of the distribution: who is in a group, optionally with one predikat (rank). */
export async function calibrationMembers(
  month: string,
  query: {
    opd?: string | undefined;
    group?: string | undefined;
    predikat?: Predikat | undefined;
    limit: number;
    nextToken?: string | undefined;
  },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const groupOpd = query.group?.split('/')[0];
  if (query.opd && groupOpd && query.opd !== groupOpd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Kelompok di luar OPD', [
      { path: 'query.group', message: `kelompok ${query.group} bukan bagian dari OPD ${query.opd}` },
    ]);
  }
  const scope = opdScope(principal, query.opd ?? groupOpd, 'query.opd');
  const config = settingsFor(deps.tenantId, month).calibration;
  const rows = (await allResults(month, scope, deps))
    .filter((r) => !query.group || calibrationGroupOf(r.opd, r.unitId, config.groupBy) === query.group)
    .filter((r) => {
      if (!query.predikat) return true;
      const p = r.facts.performance;
      return (
        p.status === 'FINAL' &&
        p.predikat !== undefined &&
        PREDIKAT_RANK[p.predikat] === PREDIKAT_RANK[query.predikat]
      );
    })
    .sort((a, b) => a.opd.localeCompare(b.opd) || a.nama.localeCompare(b.nama) || a.nip.localeCompare(b.nip))
    .map((r) => ({
      nip: r.nip,
      nama: r.nama,
      opd: r.opd,
      unit: r.unit,
      unitId: r.unitId,
      group: calibrationGroupOf(r.opd, r.unitId, config.groupBy),
      status: r.facts.performance.status,
      predikat: r.facts.performance.predikat ?? null,
      predikatLabel: r.facts.performance.predikat ? PREDIKAT_LABELS[r.facts.performance.predikat] : null,
    }));
  const cursorScope = `${deps.tenantId}|calibration-members|${month}|${scope ?? ''}|${query.group ?? ''}|${query.predikat ?? ''}`;
  const from = decodeCursor<{ o: number }>(query.nextToken, cursorScope)?.o ?? 0;
  const next =
    from + query.limit < rows.length ? encodeCursor({ o: from + query.limit }, cursorScope) : undefined;
  return {
    month,
    total: rows.length,
    items: rows.slice(from, from + query.limit),
    ...(next ? { nextToken: next } : {}),
  };
}

type FollowUpRow = {
  list: 'PEMBINAAN' | 'PENGHARGAAN';
  opd: string;
  nip: string;
  nama: string;
  months: number;
  since: string;
  latestPredikat: string;
  programmes: string;
};

/** A run needs at most a year of months: follow-up streaks are configured up to 12. */
const LOOKBACK_MONTHS = 12;

async function followUpRows(month: string, opd: string, deps: AppraisalDeps): Promise<FollowUpRow[]> {
  const settings = settingsFor(deps.tenantId, month);
  const months = Array.from({ length: LOOKBACK_MONTHS }, (_, i) => addMonths(month, -i));
  const perMonth = await Promise.all(months.map((m) => allResults(m, opd, deps)));
  const names = new Map<string, string>();
  const recordsOf: MonthlyResultRecord[] = [];
  for (const list of perMonth) {
    for (const r of list) {
      if (!names.has(r.nip)) names.set(r.nip, r.nama);
      recordsOf.push({ nip: r.nip, opd: r.opd, month: r.month, result: r.facts.performance });
    }
  }
  const lists = followUpLists(recordsOf, settings.followUp, month).filter((o) => o.opd === opd);
  return lists
    .flatMap((o) => [
      ...o.pembinaan.map((c) => ({ list: 'PEMBINAAN' as const, opd: o.opd, ...c, programmes: '' })),
      ...o.recognition.map((c) => ({
        list: 'PENGHARGAAN' as const,
        opd: o.opd,
        ...c,
        programmes: c.programmes.join(', '),
      })),
    ])
    .map((c) => ({
      list: c.list,
      opd: c.opd,
      nip: c.nip,
      nama: names.get(c.nip) ?? '',
      months: c.months,
      since: c.since,
      latestPredikat: c.latestPredikat,
      programmes: c.programmes,
    }));
}

export async function followUp(
  month: string,
  query: { opd: string; format: 'json' | 'csv' | 'xlsx'; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, query.opd, 'query.opd') as string;
  const rows = await followUpRows(month, opd, deps);
  if (query.format === 'csv') {
    const csv = toCsv(
      ['daftar', 'opd', 'nip', 'nama', 'bulan_berturut', 'sejak', 'predikat_terakhir', 'program'],
      rows.map((r) => [
        r.list,
        r.opd,
        r.nip,
        r.nama,
        r.months,
        r.since,
        PREDIKAT_LABELS[r.latestPredikat as keyof typeof PREDIKAT_LABELS] ?? r.latestPredikat,
        r.programmes,
      ]),
    );
    return { csv, fileName: `tindak-lanjut-${opd.toLowerCase()}-${month}.csv` };
  }
  if (query.format === 'xlsx') {
    const settings = settingsFor(deps.tenantId, month).followUp;
    const xlsx = await renderFollowUpXlsx({
      tenantName: tenantConfig(deps.tenantId).name,
      opd,
      month,
      printedAt: new Date(deps.now),
      rule: {
        pembinaan: settings.pembinaan.enabled
          ? `predikat Butuh Perbaikan atau lebih rendah ${settings.pembinaan.consecutiveMonths} bulan berturut-turut`
          : 'tidak digunakan tenant ini',
        recognition: settings.recognition.enabled
          ? `predikat Sangat Baik ${settings.recognition.consecutiveMonths} bulan berturut-turut`
          : 'tidak digunakan tenant ini',
      },
      rows: rows.map((r) => ({
        ...r,
        latestPredikat: PREDIKAT_LABELS[r.latestPredikat as keyof typeof PREDIKAT_LABELS] ?? r.latestPredikat,
      })),
    });
    return { xlsx, fileName: `tindak-lanjut-${opd.toLowerCase()}-${month}.xlsx` };
  }
  const cursorScope = `${deps.tenantId}|follow-up|${month}|${opd}`;
  const from = decodeCursor<{ o: number }>(query.nextToken, cursorScope)?.o ?? 0;
  const next =
    from + query.limit < rows.length ? encodeCursor({ o: from + query.limit }, cursorScope) : undefined;
  return { month, opd, items: rows.slice(from, from + query.limit), ...(next ? { nextToken: next } : {}) };
}

/** PP 94/2021 warnings of a month, from the sparse WARN# index of the stored results. */
export async function disciplineWarnings(
  month: string,
  query: { opd?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, query.opd, 'query.opd');
  const q = keys.warningsOfMonth(month);
  const page = await deps.store.queryPage({
    index: q.index,
    pk: q.pk,
    ...(opd ? { skPrefix: `${opd}#` } : {}),
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    month,
    items: page.items.map(parse.result).map((r) => ({
      nip: r.nip,
      nama: r.nama,
      opd: r.opd,
      unit: r.unit,
      tk: r.detail.discipline.tk,
      warnings: r.detail.discipline.warnings,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
