import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { addMonths, monthIndex } from '../../../core/discipline/calendar-date';
import { type LeaveRecord, leaveIssues } from '../../../core/discipline/leave';
import { type HukumanDisiplinRecord, sanctionIssues } from '../../../core/discipline/sanctions';
import { DomainError } from '../../../core/errors';
import { keys } from '../../table/keys';
import { asWriterOf, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { parse, records, type StoredLeave, type StoredSanction } from '../store/records';

/** Cuti and hukuman disiplin records: they come from SKs; the engine reads them, never decides them. */
const MAX_LEAVE_MONTHS = 36;

function invalidRecord(path: string, issues: string[]): DomainError {
  return new DomainError(
    'INVALID',
    'VALIDATION_FAILED',
    'Data tidak valid',
    issues.map((message) => ({ path, message })),
  );
}

export async function addLeave(
  nip: string,
  body: Omit<LeaveRecord, 'nip'>,
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asWriterOf(nip, principal, deps);
  const record: LeaveRecord = { nip, ...body };
  const issues = leaveIssues(record);
  if (issues.length > 0) throw invalidRecord('body', issues);
  const span = monthIndex(record.to.slice(0, 7)) - monthIndex(record.from.slice(0, 7)) + 1;
  if (span > MAX_LEAVE_MONTHS) {
    throw invalidRecord('body.to', [`satu catatan cuti paling lama ${MAX_LEAVE_MONTHS} bulan; pecah per SK`]);
  }
  const months = Array.from({ length: span }, (_, i) => addMonths(record.from.slice(0, 7), i));
  const stored: StoredLeave = { ...record, recordedAt: deps.now, recordedBy: principal.sub };
  await deps.store.commit({
    // A leave touches every month it covers: none of them may be paid and locked.
    lockMonths: months,
    correction: false,
    changes: [
      {
        kind: 'create',
        item: records.leave(stored),
        onConflict: new DomainError(
          'CONFLICT',
          'ALREADY_EXISTS',
          `Cuti ${record.kind} mulai ${record.from} sudah tercatat`,
        ),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'discipline',
        entityId: nip,
        action: 'LEAVE',
        at: deps.now,
        requestId: deps.requestId,
        after: stored,
      }),
    ],
  });
  return stored;
}

export async function addSanction(
  nip: string,
  body: Omit<HukumanDisiplinRecord, 'nip'>,
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asWriterOf(nip, principal, deps);
  const record: HukumanDisiplinRecord = { nip, ...body };
  const issues = sanctionIssues(record);
  if (issues.length > 0) throw invalidRecord('body', issues);
  const stored: StoredSanction = { ...record, recordedAt: deps.now, recordedBy: principal.sub };
  await deps.store.commit({
    lockMonths: [record.startMonth],
    correction: false,
    changes: [
      {
        kind: 'create',
        item: records.sanction(stored),
        onConflict: new DomainError('CONFLICT', 'ALREADY_EXISTS', `SK ${record.skNumber} sudah tercatat`),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'discipline',
        entityId: nip,
        action: 'SANCTION',
        at: deps.now,
        requestId: deps.requestId,
        after: stored,
      }),
    ],
  });
  return stored;
}

export async function listDiscipline(
  nip: string,
  query: { limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  await readableEmployee(nip, principal, deps);
  const page = await deps.store.queryPage({
    ...keys.disciplineRecords(nip),
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    nip,
    items: page.items.map((i) =>
      i.entity === 'LEAVE'
        ? { type: 'LEAVE' as const, ...parse.leave(i) }
        : { type: 'SANCTION' as const, ...parse.sanction(i) },
    ),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
