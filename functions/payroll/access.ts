import type { Principal } from '../../core/auth/principal';
import { opdInScope, payListOpds, payReadBasis } from '../../core/auth/scope';
import { DomainError, notFound } from '../../core/errors';
import { explainSlip } from '../../core/pay/explain';
import type { BudgetLine } from '../../core/payroll/approve-run';
import { slipVisibleToEmployee } from '../../core/payroll/lifecycle';
import type { PayrollDeps } from '../../core/payroll/ports';
import type { RunSummary, SlipError, StoredSlip } from '../../core/payroll/run-types';
import { decodeSlip } from './slip-codec';

/**
 * A slip outside the caller's scope reads as absent, like every other out-of-scope row. An employee
 * reading their own slip sees it only once the run is released to them (locked, or approved where the
 * tenant's policy says so): a draft can still change and must not reach them as their pay.
 */
export async function readableSlip(
  run: Pick<RunSummary, 'id' | 'month' | 'state'>,
  nip: string,
  principal: Principal,
  deps: Pick<PayrollDeps, 'slips' | 'tenant'>,
) {
  const row = await deps.slips.getRow(run.id, nip);
  const basis = row ? payReadBasis(principal, { nip: row.nip, opd: row.opd }) : undefined;
  if (!row || !basis) throw notFound('Slip tidak ditemukan');
  if (basis === 'SELF' && !slipVisibleToEmployee(run.state, run.month, deps.tenant)) {
    throw notFound('Slip tidak ditemukan');
  }
  const stored = decodeSlip(row.payload);
  // Stored without texts (see explainLine): the reader gets every line explained.
  return { ...stored, slip: explainSlip(stored.slip) };
}

/** Operators must name one of their OPDs; BKPSDM and auditors may list the whole run. */
export function checkOpdFilter(principal: Principal, opd: string | undefined): void {
  const scope = payListOpds(principal);
  if (scope === 'ALL') return;
  if (!opd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
      { path: 'query.opd', message: `wajib diisi; OPD Anda: ${scope.join(', ') || '(tidak ada)'}` },
    ]);
  }
  if (!scope.includes(opd))
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${opd} di luar cakupan Anda`);
}

export function slipSummary(slip: StoredSlip) {
  const t = slip.slip.totals;
  return {
    nip: slip.header.nip,
    nama: slip.header.nama,
    opd: slip.header.opd,
    golongan: slip.header.golongan,
    penghasilan: t.penghasilan,
    potongan: t.potongan,
    bersih: t.bersih,
    tpp: t.tpp.penghasilan,
    koreksi: (slip.corrections ?? []).reduce((s, c) => s + c.amount, 0),
  };
}

/**
 * Error entries an operator may see: those of their OPDs (the entry's OPD, else the chunk it was
 * planned in). BKPSDM and auditors see all.
 */
export async function scopedErrors(
  runId: string,
  principal: Principal,
  deps: Pick<PayrollDeps, 'slips' | 'chunks'>,
): Promise<SlipError[]> {
  const errors = await deps.slips.listErrors(runId);
  const scope = payListOpds(principal);
  if (scope === 'ALL') return errors;
  const chunkOpd = errors.some((e) => !e.opd)
    ? new Map((await deps.chunks.listChunks(runId)).flatMap((c) => c.nips.map((n) => [n, c.opd] as const)))
    : new Map<string, string>();
  return errors.filter((e) => opdInScope(scope, e.opd ?? chunkOpd.get(e.nip)));
}

export function scopedBudget(lines: readonly BudgetLine[], principal: Principal): BudgetLine[] {
  const scope = payListOpds(principal);
  return scope === 'ALL' ? [...lines] : lines.filter((l) => opdInScope(scope, l.opd));
}

/** The run as the API shows it: the internal planning flag stays inside. */
export function publicRun<T extends object>(run: T): Omit<T, 'planned'> {
  const {
    planned: _p,
    ledgeredChunks: _l,
    nationalInForce: _n,
    ...rest
  } = run as T & { planned?: boolean; ledgeredChunks?: number; nationalInForce?: unknown };
  return rest as Omit<T, 'planned'>;
}
