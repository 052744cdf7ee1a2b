import { auditEntry } from '../../../core/audit/audit';
import { hasAnyRole, type Principal, TENANT_WIDE_ROLES } from '../../../core/auth/principal';
import { monthStanding } from '../../../core/discipline/local-time';
import type { StoredEmployee } from '../../../core/employee/repository';
import { DomainError } from '../../../core/errors';
import type { MatrixAssessment, NumericAssessment } from '../../../core/performance/monthly-evaluation';
import type { Rating } from '../../../core/performance/predikat';
import type { BerakhlakKey } from '../../../core/performance/skp';
import { keys } from '../../table/keys';
import { asAtasanOf, isAtasanOf, readableEmployee, versionConflict } from '../access';
import type { AppraisalDeps } from '../deps';
import { inputLockMonths, settingsFor } from '../settings';
import type { Change } from '../store/ports';
import { parse, records, type StoredEvaluation, splitMonthBundle } from '../store/records';
import { notYetHappened, tenantNow } from '../today';
import type { EmployeeMonthInputs } from './month-outcome';
import { previewOutcome, recomputedResult } from './results';

/** The atasan's monthly evaluation: ratings + feedback → predikat by the tenant's mode. */
export interface EvaluationBody {
  expectedVersion: number;
  hasilKerja?: Rating | undefined;
  perilaku?: Rating | undefined;
  perilakuDetail?: Partial<Record<BerakhlakKey, Rating>> | undefined;
  hasInnovation?: boolean | undefined;
  feedback?: string | undefined;
  correction?: { reason: string } | undefined;
}

function assessmentFor(mode: 'MATRIX' | 'NUMERIC', body: EvaluationBody, by: string, at: string) {
  const issues: { path: string; message: string }[] = [];
  if (mode === 'MATRIX') {
    if (!body.hasilKerja) issues.push({ path: 'body.hasilKerja', message: 'wajib diisi (mode MATRIX)' });
    if (!body.perilaku) issues.push({ path: 'body.perilaku', message: 'wajib diisi (mode MATRIX)' });
    if (body.hasInnovation !== undefined)
      issues.push({ path: 'body.hasInnovation', message: 'hanya untuk mode NUMERIC' });
  } else if (body.hasilKerja) {
    issues.push({
      path: 'body.hasilKerja',
      message: 'mode NUMERIC: hasil kerja dihitung dari realisasi SKP',
    });
  }
  if (issues.length > 0)
    throw new DomainError('INVALID', 'VALIDATION_FAILED', `Penilaian tidak sesuai mode ${mode}`, issues);
  if (mode === 'MATRIX') {
    const matrix: MatrixAssessment = {
      kind: 'MATRIX',
      evaluatorNip: by,
      assessedAt: at,
      hasilKerja: body.hasilKerja as Rating,
      perilaku: body.perilaku as Rating,
      ...(body.perilakuDetail ? { perilakuDetail: body.perilakuDetail } : {}),
    };
    return matrix;
  }
  const numeric: NumericAssessment = {
    kind: 'NUMERIC',
    evaluatorNip: by,
    assessedAt: at,
    ...(body.hasInnovation !== undefined ? { hasInnovation: body.hasInnovation } : {}),
    ...(body.perilaku ? { perilaku: body.perilaku } : {}),
  };
  return numeric;
}

export async function putEvaluation(
  month: string,
  nip: string,
  body: EvaluationBody,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const employee = await asAtasanOf(nip, principal, deps);
  // The running month may be rated (the atasan often rates in its last days); a month to come may not.
  const now = tenantNow(deps);
  if (monthStanding(month, now) === 'FUTURE') throw notYetHappened('path.month', `Bulan ${month}`, now);
  const { mode } = settingsFor(deps.tenantId, month).evaluation;
  const existing = await deps.store.get(keys.evaluation(nip, month));
  const currentVersion = existing ? parse.evaluation(existing).version : 0;
  if (currentVersion !== body.expectedVersion) throw versionConflict(body.expectedVersion);
  const stored: StoredEvaluation = {
    nip,
    month,
    assessment: assessmentFor(mode, body, principal.sub, deps.now),
    ...(body.feedback ? { feedback: body.feedback } : {}),
    version: body.expectedVersion + 1,
    updatedAt: deps.now,
  };
  const withThis = (inputs: EmployeeMonthInputs): EmployeeMonthInputs => ({
    ...inputs,
    bundle: { ...inputs.bundle, evaluation: stored },
  });
  const reason = body.correction?.reason;
  const changes: Change[] = [
    {
      kind: 'replace',
      item: records.evaluation(stored),
      expectedVersion: body.expectedVersion,
      onConflict: versionConflict(body.expectedVersion),
    },
  ];
  const audit = auditEntry(principal, {
    entityType: 'evaluation',
    entityId: `${nip}#${month}`,
    action: reason ? 'CORRECTION' : body.expectedVersion === 0 ? 'CREATE' : 'UPDATE',
    at: deps.now,
    requestId: deps.requestId,
    ...(existing ? { before: parse.evaluation(existing).assessment } : {}),
    after: { ...stored.assessment, feedback: stored.feedback ?? null },
    ...(reason ? { reason } : {}),
  });
  if (reason) {
    const recomputed = await recomputedResult(employee, month, withThis, principal, deps, reason);
    changes.push(...recomputed.changes);
    await deps.store.commit({
      lockMonths: inputLockMonths(await deps.tenantRules(), month),
      correction: true,
      changes,
      audits: [audit, recomputed.audit],
    });
    return { evaluation: stored, result: recomputed.result.facts };
  }
  const preview = await previewOutcome(employee, month, withThis, deps);
  await deps.store.commit({
    lockMonths: inputLockMonths(await deps.tenantRules(), month),
    correction: false,
    changes,
    audits: [audit],
  });
  return {
    evaluation: stored,
    preview: {
      status: preview.facts.performance.status,
      predikat: preview.facts.performance.predikat ?? null,
      nilai: (preview.detail.performance.nilai as number | undefined) ?? null,
      explanation: preview.detail.performance.explanation,
    },
  };
}

/**
 * The outcome the ratings would give, computed from the month's stored inputs with this assessment in
 * place of any stored one; nothing is written (the lembar penilaian's preview before saving).
 */
export async function previewAssessment(
  employee: StoredEmployee,
  month: string,
  body: EvaluationBody,
  principal: Principal,
  deps: AppraisalDeps,
) {
  const { mode } = settingsFor(deps.tenantId, month).evaluation;
  const nip = employee.identity.nip;
  const draft: StoredEvaluation = {
    nip,
    month,
    assessment: assessmentFor(mode, body, principal.sub, deps.now),
    ...(body.feedback ? { feedback: body.feedback } : {}),
    version: 0,
    updatedAt: deps.now,
  };
  return previewOutcome(
    employee,
    month,
    (inputs) => ({ ...inputs, bundle: { ...inputs.bundle, evaluation: draft } }),
    deps,
  );
}

/** The ratee sees their rating and feedback, and only counts of peer raters: never who they are. */
export async function getEvaluation(month: string, nip: string, principal: Principal, deps: AppraisalDeps) {
  const employee = await readableEmployee(nip, principal, deps);
  const bundle = splitMonthBundle(await deps.store.queryAll(keys.monthInputs(nip, month)));
  const settings = settingsFor(deps.tenantId, month);
  const mayKnowRaters =
    principal.sub !== nip && (isAtasanOf(principal, employee) || hasAnyRole(principal, TENANT_WIDE_ROLES));
  return {
    nip,
    month,
    mode: settings.evaluation.mode,
    evaluation: bundle.evaluation ?? null,
    peerFeedback: {
      enabled: settings.peerFeedback.enabled,
      asked: bundle.peerAsks.length,
      submitted: bundle.peerRatings.length,
      ...(mayKnowRaters ? { raters: bundle.peerAsks.map((a) => a.raterNip).sort() } : {}),
    },
  };
}
