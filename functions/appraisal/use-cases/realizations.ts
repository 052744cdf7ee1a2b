import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, notFound } from '../../../core/errors';
import { type Realization, skpProgress } from '../../../core/performance/progress';
import { approvedRevision, indicatorsOf, type Skp } from '../../../core/performance/skp';
import { mapLimit } from '../../table/batch';
import { keys } from '../../table/keys';
import { asOwner, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { settingsFor } from '../settings';
import { parse, records, type StoredRealization } from '../store/records';
import { notYetHappened, tenantNow } from '../today';
import { skpRevisions } from './skp';

/** Realisasi logged day by day against the SKP's indicators, and live progress against target. */
export async function addRealization(
  nip: string,
  year: number,
  body: Omit<Realization, 'indicatorId'> & { indicatorId: string },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asOwner(nip, principal, deps);
  if (!body.date.startsWith(`${year}-`)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Tanggal di luar tahun SKP', [
      { path: 'body.date', message: `harus dalam tahun ${year}` },
    ]);
  }
  const now = tenantNow(deps);
  if (body.date > now.date) throw notYetHappened('body.date', `Realisasi tanggal ${body.date}`, now);
  const revisions = (await skpRevisions(nip, year, deps)).map((s) => s.skp);
  const skp = approvedRevision(revisions) ?? revisions.at(-1);
  if (!skp) throw notFound(`SKP tahun ${year} belum dibuat`);
  const known = indicatorsOf(skp).map((i) => i.id);
  if (!known.includes(body.indicatorId)) {
    throw new DomainError('INVALID', 'UNKNOWN_INDICATOR', 'Indikator tidak ada di SKP', [
      {
        path: 'body.indicatorId',
        message: `indikator SKP revisi ${skp.revision}: ${known.join(', ') || '(kosong)'}`,
      },
    ]);
  }
  const realization: StoredRealization = {
    id: deps.newId(),
    indicatorId: body.indicatorId,
    date: body.date,
    value: body.value,
    ...(body.note ? { note: body.note } : {}),
    ...(body.evidenceUrl ? { evidenceUrl: body.evidenceUrl } : {}),
    recordedAt: deps.now,
    recordedBy: principal.sub,
  };
  const month = body.date.slice(0, 7);
  await deps.store.commit({
    // Realisasi feed the month's nilai (numeric tenants): a paid month keeps its inputs.
    lockMonths: [month],
    correction: false,
    changes: [
      {
        kind: 'create',
        item: records.realization(nip, realization),
        onConflict: new DomainError('CONFLICT', 'ALREADY_EXISTS', 'Realisasi sudah tercatat'),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'skp',
        entityId: `${nip}#${year}`,
        action: 'REALIZATION',
        at: deps.now,
        requestId: deps.requestId,
        after: realization,
      }),
    ],
  });
  return realization;
}

export async function listRealizations(
  nip: string,
  year: number,
  query: { month?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await readableEmployee(nip, principal, deps);
  if (query.month && !query.month.startsWith(`${year}-`)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Bulan di luar tahun SKP', [
      { path: 'query.month', message: `harus dalam tahun ${year}` },
    ]);
  }
  const page = await deps.store.queryPage({
    ...keys.realizationsIn(nip, query.month ?? String(year)),
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    items: page.items.map(parse.realization),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

function progressOf(skp: Skp, realizations: readonly Realization[], month: string, cap: number) {
  const ytd = skpProgress(skp, realizations, { kind: 'YEAR_TO_DATE', month }, cap);
  return {
    skp: { id: skp.id, revision: skp.revision, status: skp.status },
    month: skpProgress(skp, realizations, { kind: 'MONTH', month }, cap),
    yearToDate: ytd,
  };
}

async function yearData(nip: string, year: number, deps: AppraisalDeps) {
  const revisions = (await skpRevisions(nip, year, deps)).map((s) => s.skp);
  const skp = approvedRevision(revisions) ?? revisions.at(-1);
  const realizations = skp
    ? (await deps.store.queryAll(keys.realizationsIn(nip, String(year)))).map(parse.realization)
    : [];
  return { skp, realizations };
}

function defaultMonth(year: number, now: string): string {
  const current = now.slice(0, 7);
  return current.startsWith(`${year}-`) ? current : `${year}-12`;
}

export async function progress(
  nip: string,
  year: number,
  month: string | undefined,
  principal: Principal,
  deps: AppraisalDeps,
) {
  await readableEmployee(nip, principal, deps);
  const m = month ?? defaultMonth(year, deps.now);
  if (!m.startsWith(`${year}-`)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Bulan di luar tahun SKP', [
      { path: 'query.month', message: `harus dalam tahun ${year}` },
    ]);
  }
  const { skp, realizations } = await yearData(nip, year, deps);
  if (!skp) throw notFound(`SKP tahun ${year} belum dibuat`);
  const cap = settingsFor(deps.tenantId, m).evaluation.achievementCapPercent;
  return { nip, year, period: m, ...progressOf(skp, realizations, m, cap) };
}

/** The atasan's view: every bawahan (gsi3, paginated) with live progress against target. */
export async function bawahanProgress(
  query: { month?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const month = query.month ?? deps.now.slice(0, 7);
  const year = Number(month.slice(0, 4));
  const cap = settingsFor(deps.tenantId, month).evaluation.achievementCapPercent;
  const q = keys.employeesByAtasan(principal.sub);
  const page = await deps.store.queryPage({
    index: q.index,
    pk: q.pk,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  const items = await mapLimit(page.items.map(parse.employee), 8, async (e) => {
    const nip = e.identity.nip;
    const { skp, realizations } = await yearData(nip, year, deps);
    const base = {
      nip,
      nama: e.identity.nama,
      opd: e.current.penempatan.opd,
      jabatan: e.current.jabatan.nama,
    };
    if (!skp) return { ...base, skp: null };
    const p = progressOf(skp, realizations, month, cap);
    return {
      ...base,
      skp: p.skp,
      monthPercent: p.month.weightedAchievementPercent,
      yearToDatePercent: p.yearToDate.weightedAchievementPercent,
      indicatorsWithoutData: p.month.indicatorsWithoutData,
      indicators: p.yearToDate.indicators.map((i) => ({
        indicatorId: i.indicatorId,
        description: i.description,
        target: i.target,
        realized: i.realized ?? null,
        achievementPercent: i.achievementPercent,
      })),
    };
  });
  return { month, items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
