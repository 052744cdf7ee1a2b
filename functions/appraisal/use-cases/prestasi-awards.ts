import * as z from 'zod';
import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { canReadRow } from '../../../core/auth/scope';
import { DomainError } from '../../../core/errors';
import { tenantRulesFor } from '../../../core/rulesets/tenant-in-force';
import { boundedText, isoDate, isoMonth, nipSchema, paginationQuery } from '../../http/common-schemas';
import { keys } from '../../table/keys';
import { readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import type { Item } from '../store/ports';

/**
 * Penghargaan prestasi (tenant rule tpp.prestasi `award`): BKPSDM records, per employee and performance
 * month, the decree by which it awarded the employee for achievement. The month's result carries it
 * (functions/appraisal/use-cases/month-outcome.ts) and the TPP of that month pays the rule's award
 * share (core/pay/tpp-prestasi.ts). One decree per employee and month; a later one replaces it, and the
 * audit record keeps both. Like unit scores it is an input of the month: refused once the month is locked.
 */
export const prestasiAwardParams = z.strictObject({ month: isoMonth });
export const prestasiAwardBody = z.strictObject({
  nip: nipSchema,
  /** Nomor keputusan (SK) penghargaan, e.g. `800/12/BKD/2026`. */
  skNumber: boundedText(80),
  skDate: isoDate,
  /** What the award is for, as the decree says (shown in the audit and the list). */
  reason: boundedText(300),
});
export const prestasiAwardsQuery = z.strictObject({ ...paginationQuery });
export type PrestasiAwardBody = z.infer<typeof prestasiAwardBody>;

/** One recorded award as the list answers it (the console's type is generated from this). */
export const prestasiAward = z
  .object({
    nip: z.string(),
    nama: z.string(),
    opd: z.string(),
    month: z.string(),
    skNumber: z.string(),
    skDate: z.string(),
    reason: z.string(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'PrestasiAward' });
export type StoredPrestasiAward = z.infer<typeof prestasiAward>;
export const prestasiAwardList = z.object({
  items: z.array(prestasiAward),
  nextToken: z.string().optional(),
});

function awardOf(item: Item): StoredPrestasiAward {
  return {
    nip: String(item.nip),
    nama: String(item.nama),
    opd: String(item.opd),
    month: String(item.month),
    skNumber: String(item.skNumber),
    skDate: String(item.skDate),
    reason: String(item.reason),
    recordedBy: String(item.recordedBy),
    recordedAt: String(item.recordedAt),
  };
}

/** The awards of a month by NIP, as the month's results read them (one Query per month context). */
export async function awardsOfMonth(month: string, deps: AppraisalDeps) {
  const items = await deps.store.queryAll(keys.prestasiAwards(month));
  return new Map(items.map(awardOf).map((a) => [a.nip, { skNumber: a.skNumber, skDate: a.skDate }] as const));
}

export async function putPrestasiAward(
  month: string,
  body: PrestasiAwardBody,
  principal: Principal,
  deps: AppraisalDeps,
): Promise<StoredPrestasiAward> {
  const employee = await readableEmployee(body.nip, principal, deps);
  // Only where the tenant's rule in force in that month pays such an award: a decree recorded
  // elsewhere would be paid by nobody.
  let rule: ReturnType<typeof tenantRulesFor>['prestasi']['value'] | undefined;
  try {
    rule = tenantRulesFor(await deps.tenantRules(), month).prestasi.value;
  } catch {
    rule = undefined;
  }
  if (!rule?.enabled || !rule.awardBp) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Penghargaan prestasi tidak dikenal', [
      {
        path: 'params.month',
        message: `aturan insentif prestasi tenant (tpp.prestasi) yang berlaku pada ${month} tidak memberi penghargaan prestasi`,
      },
    ]);
  }
  if (body.skDate.slice(0, 7) < month) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Tanggal SK tidak sesuai', [
      {
        path: 'body.skDate',
        message: `SK penghargaan bulan ${month} tidak mungkin bertanggal sebelum bulan itu`,
      },
    ]);
  }
  const key = keys.prestasiAward(month, body.nip);
  const before = await deps.store.get(key);
  const award: StoredPrestasiAward = {
    nip: body.nip,
    nama: employee.identity.nama,
    opd: employee.current.penempatan.opd,
    month,
    skNumber: body.skNumber,
    skDate: body.skDate,
    reason: body.reason,
    recordedBy: principal.sub,
    recordedAt: deps.now,
  };
  await deps.store.commit({
    lockMonths: [month],
    correction: false,
    changes: [{ kind: 'put', item: { ...key, entity: 'PRESTASI_AWARD', ...award } }],
    audits: [
      auditEntry(principal, {
        entityType: 'prestasi-award',
        entityId: `${month}:${body.nip}`,
        action: before ? 'UPDATE' : 'CREATE',
        at: deps.now,
        requestId: deps.requestId,
        ...(before ? { before: awardOf(before) } : {}),
        after: award,
      }),
    ],
  });
  return award;
}

/** The month's awards: BKPSDM and auditors see all, an operator those of their OPDs. */
export async function listPrestasiAwards(
  month: string,
  query: { limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const page = await deps.store.queryPage({
    ...keys.prestasiAwards(month),
    limit: query.limit,
    nextToken: query.nextToken,
  });
  return {
    month,
    items: page.items.map(awardOf).filter((a) => canReadRow(principal, { nip: a.nip, opd: a.opd })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
