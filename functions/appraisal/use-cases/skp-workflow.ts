import { auditEntry } from '../../../core/audit/audit';
import { hasAnyRole, type Principal, TENANT_WIDE_ROLES } from '../../../core/auth/principal';
import { DomainError } from '../../../core/errors';
import {
  approveSkp,
  editSkp,
  rejectSkp,
  reviseSkp,
  type Skp,
  type SkpContent,
  submitSkp,
} from '../../../core/performance/skp';
import { keys } from '../../table/keys';
import { asAtasanOf, asOwner, isAtasanOf, readableEmployee, versionConflict } from '../access';
import type { AppraisalDeps } from '../deps';
import { parse, records, type StoredSkp } from '../store/records';
import { assertCascade, latestRevision, skpView } from './skp';

/** The SKP's transitions after the draft: edit, submit, approve/reject, revise; and the penilai's list. */
type Step = 'EDIT' | 'SUBMIT' | 'APPROVE' | 'REJECT';

/** One transition of the latest revision, version-checked and audited in one transaction. */
async function transition(
  nip: string,
  year: number,
  step: Step,
  expectedVersion: number,
  apply: (skp: Skp) => Skp,
  principal: Principal,
  deps: AppraisalDeps,
  reason?: string,
  /** Path prefix of the cascade check ('body.' for results sent with an edit); a rejection skips it. */
  cascadeAt = '',
) {
  const current = await latestRevision(nip, year, deps);
  if (current.version !== expectedVersion) throw versionConflict(expectedVersion);
  const skp = apply(current.skp);
  // Checked on every step that keeps the SKP going: the atasan's plan may have changed since the draft.
  if (step !== 'REJECT') await assertCascade(skp, cascadeAt, deps);
  const next: StoredSkp = { ...current, skp, version: current.version + 1, updatedAt: deps.now };
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      {
        kind: 'replace',
        item: records.skp(next, true),
        expectedVersion,
        onConflict: versionConflict(expectedVersion),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'skp',
        entityId: `${nip}#${year}`,
        action: step,
        at: deps.now,
        requestId: deps.requestId,
        before: { revision: current.skp.revision, status: current.skp.status },
        after: { revision: skp.revision, status: skp.status },
        ...(reason ? { reason } : {}),
      }),
    ],
  });
  return skpView(next);
}

export async function editOwnSkp(
  nip: string,
  year: number,
  body: { expectedVersion: number } & Partial<Pick<SkpContent, 'unit' | 'results' | 'perilaku'>>,
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asOwner(nip, principal, deps);
  const { expectedVersion, ...changes } = body;
  return transition(
    nip,
    year,
    'EDIT',
    expectedVersion,
    (s) => editSkp(s, changes, principal.sub, deps.now),
    principal,
    deps,
    undefined,
    changes.results ? 'body.' : '',
  );
}

export async function submitOwnSkp(
  nip: string,
  year: number,
  expectedVersion: number,
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asOwner(nip, principal, deps);
  return transition(
    nip,
    year,
    'SUBMIT',
    expectedVersion,
    (s) => submitSkp(s, principal.sub, deps.now),
    principal,
    deps,
  );
}

export async function decideSkp(
  nip: string,
  year: number,
  decision:
    | { approve: true; expectedVersion: number }
    | { approve: false; expectedVersion: number; reason: string },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asAtasanOf(nip, principal, deps);
  if (decision.approve) {
    const v = decision.expectedVersion;
    return transition(
      nip,
      year,
      'APPROVE',
      v,
      (s) => approveSkp(s, principal.sub, deps.now),
      principal,
      deps,
    );
  }
  const { reason, expectedVersion } = decision;
  const reject = (s: Skp) => rejectSkp(s, principal.sub, reason, deps.now);
  return transition(nip, year, 'REJECT', expectedVersion, reject, principal, deps, reason);
}

/** A change after approval: a new DRAFT revision; the approved one stays in force until the new one is approved. */
export async function reviseApprovedSkp(
  nip: string,
  year: number,
  body: { expectedVersion: number; reason: string },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const employee = await readableEmployee(nip, principal, deps);
  if (nip !== principal.sub && !isAtasanOf(principal, employee)) {
    throw new DomainError(
      'FORBIDDEN',
      'SKP_NOT_OWNER',
      'Revisi SKP hanya oleh pegawai atau pejabat penilainya',
    );
  }
  const current = await latestRevision(nip, year, deps);
  if (current.version !== body.expectedVersion) throw versionConflict(body.expectedVersion);
  const skp = reviseSkp(current.skp, principal.sub, body.reason, deps.now);
  const next: StoredSkp = { skp, version: 1, createdAt: deps.now, updatedAt: deps.now };
  const conflict = versionConflict(body.expectedVersion);
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      // Only the latest revision is listed for the pejabat penilai.
      {
        kind: 'strip',
        key: keys.skp(nip, year, current.skp.revision),
        attributes: ['gsi1pk', 'gsi1sk'],
        expectedVersion: current.version,
        onConflict: conflict,
      },
      { kind: 'create', item: records.skp(next, true), onConflict: conflict },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'skp',
        entityId: `${nip}#${year}`,
        action: 'REVISE',
        at: deps.now,
        requestId: deps.requestId,
        before: { revision: current.skp.revision, status: current.skp.status },
        after: { revision: skp.revision, status: skp.status },
        reason: body.reason,
      }),
    ],
  });
  return skpView(next);
}

export async function listSkpsToAssess(
  query: { year: number; penilai?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const penilai = query.penilai ?? principal.sub;
  if (penilai !== principal.sub && !hasAnyRole(principal, TENANT_WIDE_ROLES)) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', 'Hanya SKP yang Anda nilai sendiri');
  }
  const q = keys.skpsByPenilai(penilai, query.year);
  const page = await deps.store.queryPage({
    index: q.index,
    pk: q.pk,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    items: page.items.map(parse.skp).map((s) => ({
      nip: s.skp.nip,
      year: s.skp.year,
      revision: s.skp.revision,
      status: s.skp.status,
      opd: s.skp.opd,
      jabatan: s.skp.jabatan.nama,
      version: s.version,
      updatedAt: s.updatedAt,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
