import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { monthStanding } from '../../../core/discipline/local-time';
import { DomainError, notFound } from '../../../core/errors';
import { findJabatanTemplate } from '../../../core/performance/indicator-library';
import { indicatorHeaders, monthlyProgress } from '../../../core/performance/monthly-progress';
import { PREDIKAT_LABELS } from '../../../core/performance/predikat';
import { approvedRevision, indicatorsOf } from '../../../core/performance/skp';
import { mapLimit } from '../../table/batch';
import { keys } from '../../table/keys';
import { asAtasanOf, loadEmployee, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { settingsFor } from '../settings';
import { parse, type StoredResult } from '../store/records';
import { notYetHappened, tenantNow } from '../today';
import { tppFactorOf } from '../tpp-factor';
import { type EvaluationBody, previewAssessment } from './evaluation';
import { tenantLibrary } from './library';
import { skpRevisions } from './skp';

/**
 * What the console's SKP screens read beyond the SKP itself: the atasan's hasil kerja to cascade from,
 * capaian month by month, the year's predikat and TPP factor per month, the atasan's running feedback
 * notes, and the lembar penilaian's predikat before it is saved.
 */

/** The pejabat penilai's plan of the year (the revision in force, else the latest) and the jabatan's template. */
export async function planOptions(nip: string, year: number, principal: Principal, deps: AppraisalDeps) {
  const employee = await readableEmployee(nip, principal, deps);
  const atasanNip = employee.current.penempatan.atasanNip;
  const [atasan, revisions, library] = await Promise.all([
    atasanNip ? loadEmployee(atasanNip, deps) : undefined,
    atasanNip ? skpRevisions(atasanNip, year, deps) : [],
    tenantLibrary(deps),
  ]);
  const all = revisions.map((s) => s.skp);
  const plan = approvedRevision(all) ?? all.at(-1);
  const jabatan = employee.current.jabatan;
  const kode = jabatan.type === 'FUNGSIONAL' ? { kode: jabatan.kode } : {};
  return {
    nip,
    year,
    jabatan: { ...kode, nama: jabatan.nama },
    pejabatPenilai: atasanNip
      ? {
          nip: atasanNip,
          nama: atasan?.identity.nama ?? null,
          jabatan: atasan?.current.jabatan.nama ?? null,
        }
      : null,
    atasanSkp: plan
      ? {
          skpId: plan.id,
          revision: plan.revision,
          status: plan.status,
          results: plan.results.map((r) => ({
            id: r.id,
            jenis: r.jenis,
            description: r.description,
            indicators: r.indicators.map((i) => ({ id: i.id, description: i.description })),
          })),
        }
      : null,
    suggestedTemplate: findJabatanTemplate(library, { ...kode, nama: jabatan.nama }) ?? null,
  };
}

async function yearInputs(nip: string, year: number, deps: AppraisalDeps) {
  const revisions = (await skpRevisions(nip, year, deps)).map((s) => s.skp);
  const skp = approvedRevision(revisions) ?? revisions.at(-1);
  if (!skp) throw notFound(`SKP tahun ${year} belum dibuat`);
  const realizations = (await deps.store.queryAll(keys.realizationsIn(nip, String(year)))).map(
    parse.realization,
  );
  return { skp, realizations };
}

/** Through the running month: months to come have nothing to show. */
function lastShownMonth(year: number, deps: AppraisalDeps): string {
  const today = tenantNow(deps);
  return today.month.startsWith(`${year}-`) ? today.month : `${year}-12`;
}

export async function progressByMonth(nip: string, year: number, principal: Principal, deps: AppraisalDeps) {
  await readableEmployee(nip, principal, deps);
  const { skp, realizations } = await yearInputs(nip, year, deps);
  const cap = settingsFor(deps.tenantId, `${year}-01`).evaluation.achievementCapPercent;
  return {
    nip,
    year,
    skp: { id: skp.id, revision: skp.revision, status: skp.status },
    capPercent: cap,
    indicators: indicatorHeaders(skp),
    months: monthlyProgress(skp, realizations, cap, lastShownMonth(year, deps)),
  };
}

/** Month by month: rated?, the atasan's feedback, the stored result's predikat and the TPP factor it gives. */
export async function yearMonths(nip: string, year: number, principal: Principal, deps: AppraisalDeps) {
  await readableEmployee(nip, principal, deps);
  const last = lastShownMonth(year, deps);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m <= last,
  );
  const [results, evaluations, tenantRules] = await Promise.all([
    deps.store.queryAll(keys.monthlyResultsOfYear(nip, String(year))),
    mapLimit(months, 6, (m) => deps.store.get(keys.evaluation(nip, m))),
    deps.tenantRules(),
  ]);
  const byMonth = new Map<string, StoredResult>();
  for (const item of results) {
    if (!item.detail) continue;
    const r = parse.result(item);
    byMonth.set(r.month, r);
  }
  return {
    nip,
    year,
    items: months.map((month, i) => {
      const ev = evaluations[i] ? parse.evaluation(evaluations[i]) : undefined;
      const r = byMonth.get(month);
      const p = r?.facts.performance;
      const tpp = p ? tppFactorOf(tenantRules, month, p) : undefined;
      return {
        month,
        evaluated: ev !== undefined,
        feedback: ev?.feedback ?? null,
        status: p?.status ?? null,
        predikat: p?.predikat ?? null,
        predikatLabel: p?.predikat ? PREDIKAT_LABELS[p.predikat] : null,
        provisional: r?.facts.provisional === true,
        tppFactorPercent: tpp?.factorPercent ?? null,
        payMonth: tpp?.payMonth ?? null,
      };
    }),
  };
}

export interface StoredFeedbackNote {
  id: string;
  nip: string;
  year: number;
  text: string;
  indicatorId?: string;
  by: string;
  byNama: string | null;
  at: string;
}

/** The atasan's continuous feedback (umpan balik berkelanjutan): notes through the year, audited. */
export async function addFeedbackNote(
  nip: string,
  year: number,
  body: { text: string; indicatorId?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asAtasanOf(nip, principal, deps);
  if (body.indicatorId) {
    const revisions = (await skpRevisions(nip, year, deps)).map((s) => s.skp);
    const skp = approvedRevision(revisions) ?? revisions.at(-1);
    const known = skp ? indicatorsOf(skp).map((i) => i.id) : [];
    if (!known.includes(body.indicatorId)) {
      throw new DomainError('INVALID', 'UNKNOWN_INDICATOR', 'Indikator tidak ada di SKP', [
        {
          path: 'body.indicatorId',
          message: skp ? `indikator SKP: ${known.join(', ')}` : `SKP tahun ${year} belum dibuat`,
        },
      ]);
    }
  }
  const atasan = await loadEmployee(principal.sub, deps);
  const note: StoredFeedbackNote = {
    id: deps.newId(),
    nip,
    year,
    text: body.text,
    ...(body.indicatorId ? { indicatorId: body.indicatorId } : {}),
    by: principal.sub,
    byNama: atasan?.identity.nama ?? null,
    at: deps.now,
  };
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      {
        kind: 'create',
        item: { ...keys.feedbackNote(nip, year, deps.now, note.id), entity: 'FEEDBACK_NOTE', ...note },
        onConflict: new DomainError('CONFLICT', 'ALREADY_EXISTS', 'Catatan sudah tersimpan'),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'skp',
        entityId: `${nip}#${year}`,
        action: 'FEEDBACK',
        at: deps.now,
        requestId: deps.requestId,
        after: note,
      }),
    ],
  });
  return note;
}

export async function listFeedbackNotes(
  nip: string,
  year: number,
  query: { limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await readableEmployee(nip, principal, deps);
  const page = await deps.store.queryPage({
    ...keys.feedbackNotesOfYear(nip, year),
    descending: true,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    items: page.items.map((i) => {
      const { pk: _p, sk: _s, entity: _e, ...note } = i;
      return note as unknown as StoredFeedbackNote;
    }),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** The lembar penilaian's outcome before saving: the predikat the ratings give and its TPP factor. */
export async function previewEvaluation(
  month: string,
  nip: string,
  body: Omit<EvaluationBody, 'expectedVersion' | 'correction'>,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const employee = await asAtasanOf(nip, principal, deps);
  const now = tenantNow(deps);
  if (monthStanding(month, now) === 'FUTURE') throw notYetHappened('path.month', `Bulan ${month}`, now);
  const { mode } = settingsFor(deps.tenantId, month).evaluation;
  const outcome = await previewAssessment(employee, month, { ...body, expectedVersion: 0 }, principal, deps);
  const perf = outcome.facts.performance;
  return {
    month,
    nip,
    mode,
    status: perf.status,
    predikat: perf.predikat ?? null,
    predikatLabel: perf.predikat ? PREDIKAT_LABELS[perf.predikat] : null,
    nilai: (outcome.detail.performance.nilai as number | undefined) ?? null,
    explanation: outcome.detail.performance.explanation,
    tpp: tppFactorOf(await deps.tenantRules(), month, perf),
  };
}
