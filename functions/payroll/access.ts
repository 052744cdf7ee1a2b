import type { Principal } from '../../core/auth/principal';
import { canReadPay, payListOpds } from '../../core/auth/scope';
import { DomainError, notFound } from '../../core/errors';
import { explainSlip } from '../../core/pay/explain';
import type { StoredSlip } from '../../core/payroll/run-types';
import type { RunDeps } from './run-service';
import { decodeSlip } from './slip-codec';

/** A slip outside the caller's scope reads as absent, like every other out-of-scope row. */
export async function readableSlip(
  runId: string,
  nip: string,
  principal: Principal,
  deps: Pick<RunDeps, 'repo'>,
) {
  const row = await deps.repo.getSlipRow(runId, nip);
  if (!row || !canReadPay(principal, { nip: row.nip, opd: row.opd })) throw notFound('Slip tidak ditemukan');
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

/** The run as the API shows it: the internal planning flag stays inside. */
export function publicRun<T extends object>(run: T): Omit<T, 'planned'> {
  const { planned: _p, ...rest } = run as T & { planned?: boolean };
  return rest;
}
