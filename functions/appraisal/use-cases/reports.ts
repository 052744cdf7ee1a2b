import type { Principal } from '../../../core/auth/principal';
import { addMonths } from '../../../core/discipline/calendar-date';
import { calibrate } from '../../../core/performance/calibration';
import { followUpLists, type MonthlyResultRecord } from '../../../core/performance/follow-up';
import { PREDIKAT_LABELS } from '../../../core/performance/predikat';
import { toCsv } from '../../payroll/documents/csv';
import { decodeCursor, encodeCursor } from '../../table/cursor';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { settingsFor } from '../settings';
import { parse } from '../store/records';
import { allResults, opdScope } from './results';

/** Reports over stored month results: calibration against the tenant's curve, follow-up lists, warnings. */
export async function calibrationReport(
  month: string,
  opd: string | undefined,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const scope = opdScope(principal, opd, 'query.opd');
  const settings = settingsFor(deps.tenantId, month);
  const results = await allResults(month, scope, deps);
  const report = calibrate(
    month,
    results.map((r) => ({ nip: r.nip, opd: r.opd, unit: r.unit, result: r.facts.performance })),
    settings.calibration,
  );
  return { ...report, opd: scope ?? null, curve: settings.calibration, results: results.length };
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
  query: { opd: string; format: 'json' | 'csv'; limit: number; nextToken?: string | undefined },
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
