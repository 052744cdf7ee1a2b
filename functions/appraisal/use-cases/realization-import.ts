import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { payListOpds } from '../../../core/auth/scope';
import { DomainError } from '../../../core/errors';
import {
  type RealizationImportRow,
  validateRealizationRows,
} from '../../../core/performance/realization-import';
import { approvedRevision, indicatorsOf } from '../../../core/performance/skp';
import { RuleNotInForceError } from '../../../core/rulesets/errors';
import type { TenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import { mapLimit } from '../../table/batch';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import { inputLockMonths } from '../settings';
import { parse, records, type StoredRealization } from '../store/records';
import { tenantNow } from '../today';
import { employeesInService, opdScope } from './results';
import { skpRevisions } from './skp';

/**
 * Realisasi of an OPD's employees from a spreadsheet (parsed by the console, sent as rows like the
 * attendance import): a dry run reports every row; an import stores all rows or, when any row is bad,
 * none. Each stored realisasi carries its source file, and its id comes from the file name, NIP,
 * indicator and date, so sending the same file again replaces its rows rather than doubling them.
 */
export interface RealizationSource {
  fileName: string;
  importId: string;
}

/**
 * The locks that freeze a month's inputs; a month before the tenant's pay rules has no run that could
 * have paid it, so only its own lock counts.
 */
function lockMonthsOf(tenantRules: TenantRuleset, month: string): string[] {
  try {
    return inputLockMonths(tenantRules, month);
  } catch (err) {
    if (err instanceof RuleNotInForceError) return [month];
    throw err;
  }
}

/** Changes per transaction: 100 items minus the audit record and the month-lock checks (≤ 12 months). */
const CHUNK = 80;

export async function importRealizations(
  year: number,
  body: { opd: string; fileName: string; rows: RealizationImportRow[]; dryRun?: boolean | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, body.opd, 'body.opd') as string;
  const now = tenantNow(deps);
  const lastMonth = now.month.startsWith(`${year}-`) ? now.month : `${year}-12`;
  const employees = await employeesInService(lastMonth, opd, deps);
  const named = new Set(
    body.rows.map((r) => (typeof r.nip === 'string' ? r.nip.trim() : String(r.nip ?? ''))),
  );
  const inFile = employees.filter((e) => named.has(e.identity.nip));
  const indicatorsOfNip = new Map<string, string[]>();
  const whyNot = new Map<string, string>();
  await mapLimit(inFile, 8, async (e) => {
    const revisions = (await skpRevisions(e.identity.nip, year, deps)).map((s) => s.skp);
    const skp = approvedRevision(revisions);
    if (skp)
      indicatorsOfNip.set(
        e.identity.nip,
        indicatorsOf(skp).map((i) => i.id),
      );
    else
      whyNot.set(
        e.identity.nip,
        revisions.length > 0
          ? `SKP ${year} NIP ${e.identity.nip} belum disetujui`
          : `NIP ${e.identity.nip} belum memiliki SKP ${year}`,
      );
  });
  // NIPs of the file that are not employees of this OPD: named as such when they exist elsewhere.
  const inOpd = new Set(employees.map((e) => e.identity.nip));
  const others = [...named].filter((n) => /^\d{18}$/.test(n) && !inOpd.has(n));
  const scope = payListOpds(principal);
  for (const item of others.length > 0
    ? await deps.store.batchGet(others.map((n) => keys.employee(n)))
    : []) {
    const e = parse.employee(item);
    const theirs = e.current.penempatan.opd;
    whyNot.set(
      e.identity.nip,
      theirs === opd
        ? `NIP ${e.identity.nip} tidak dalam masa kerja tahun ${year}`
        : scope === 'ALL' || scope.includes(theirs)
          ? `NIP ${e.identity.nip} milik OPD ${theirs}, bukan OPD ${opd}; impor dengan opd ${theirs}`
          : `NIP ${e.identity.nip} milik OPD ${theirs}, di luar OPD Anda`,
    );
  }
  const months = [
    ...new Set(
      body.rows
        .map((r) => (typeof r.date === 'string' ? r.date.trim().slice(0, 7) : ''))
        .filter((m) => /^\d{4}-\d{2}$/.test(m) && m.startsWith(`${year}-`)),
    ),
  ];
  // A month is frozen once its own run or the run paying its TPP is locked (by the lag in force).
  const tenantRules = await deps.tenantRules();
  const lockedMonths = new Set<string>();
  await mapLimit(months, 4, async (m) => {
    for (const lock of lockMonthsOf(tenantRules, m))
      if (await deps.store.isMonthLocked(lock)) lockedMonths.add(m);
  });
  const checked = validateRealizationRows(body.rows, {
    year,
    fileName: body.fileName,
    today: now.date,
    indicatorsOf: indicatorsOfNip,
    whyNot,
    lockedMonths,
  });
  const issues = checked.errors.map((e) => ({
    path: `body.rows[${e.rowNumber}].${e.field}`,
    message: e.reason,
  }));
  if (body.dryRun) {
    return {
      year,
      opd,
      fileName: body.fileName,
      dryRun: true as const,
      rows: body.rows.length,
      validRows: body.rows.length - new Set(checked.errors.map((e) => e.rowNumber)).size,
      realizations: checked.errors.length === 0 ? checked.realizations.length : 0,
      employees: new Set(checked.realizations.map((r) => r.nip)).size,
      issues,
    };
  }
  if (issues.length > 0) {
    const rows = new Set(checked.errors.map((e) => e.rowNumber)).size;
    throw new DomainError(
      'INVALID',
      'REALIZATION_ROWS_INVALID',
      `${rows} baris realisasi tidak valid; tidak ada yang disimpan`,
      issues,
    );
  }
  const importId = deps.newId();
  const source: RealizationSource = { fileName: body.fileName, importId };
  const stored = checked.realizations.map((r) => ({
    nip: r.nip,
    realization: {
      id: r.id,
      indicatorId: r.indicatorId,
      date: r.date,
      value: r.value,
      ...(r.note ? { note: r.note } : {}),
      ...(r.evidenceUrl ? { evidenceUrl: r.evidenceUrl } : {}),
      recordedAt: deps.now,
      recordedBy: principal.sub,
      source,
    } satisfies StoredRealization & { source: RealizationSource },
  }));
  // Each transaction holds its rows and their audit record; the rows are idempotent by id, so a
  // request cut short is completed by sending the same file again.
  const chunks: (typeof stored)[] = [];
  for (let i = 0; i < stored.length; i += CHUNK) chunks.push(stored.slice(i, i + CHUNK));
  for (const [n, chunk] of chunks.entries()) {
    await deps.store.commit({
      lockMonths: [
        ...new Set(chunk.flatMap((c) => lockMonthsOf(tenantRules, c.realization.date.slice(0, 7)))),
      ],
      correction: false,
      auditSeq: n,
      changes: chunk.map((c) => ({ kind: 'put' as const, item: records.realization(c.nip, c.realization) })),
      audits: [
        auditEntry(principal, {
          entityType: 'realization-import',
          entityId: `${opd}#${year}`,
          action: 'IMPORT',
          at: deps.now,
          requestId: deps.requestId,
          after: {
            ...source,
            part: n + 1,
            parts: chunks.length,
            rows: chunk.map(({ nip, realization: r }) => ({
              nip,
              id: r.id,
              indicatorId: r.indicatorId,
              date: r.date,
              value: r.value,
            })),
          },
        }),
      ],
    });
  }
  return {
    year,
    opd,
    importId,
    fileName: body.fileName,
    rows: body.rows.length,
    stored: stored.length,
    employees: new Set(stored.map((s) => s.nip)).size,
  };
}
