import { formatRupiah } from '../pay/format';
import type { PayRules } from '../pay/pay-rules';
import type { Citation, PayInput, PayLine, PaySlip } from '../pay/types';
import type { InForce } from '../rulesets/rules-in-force';
import { KELEBIHAN_CODE } from './rapel';
import type { PaidRecord } from './run-types';

/**
 * Kelebihan (overpayment) recovery, rapel.md §7: a net overpayment of locked months, established by a
 * rapel run, is taken back by instalments on the following gaji slips (GPP `utanglebih`): at most the
 * tenant's `maxRecoveryPerMonth`, never more than the slip's gaji net (the net never drops below zero),
 * until repaid. The balance is not stored anywhere else: it is what the paid ledger established minus
 * what it recovered, so it survives recomputes, runs returned to draft and locks resumed halfway.
 */
export interface KelebihanBalance {
  readonly established: number;
  readonly recovered: number;
  readonly outstanding: number;
  /** The overpaid months, as the rapel runs that established the balance named them. */
  readonly months: readonly string[];
}

export function kelebihanBalance(paid: readonly PaidRecord[]): KelebihanBalance {
  let established = 0;
  let recovered = 0;
  const months = new Set<string>();
  for (const p of paid) {
    established += p.kelebihan?.established ?? 0;
    recovered += p.kelebihan?.recovered ?? 0;
    for (const m of p.kelebihan?.months ?? []) months.add(m);
  }
  return {
    established,
    recovered,
    outstanding: Math.max(0, established - recovered),
    months: [...months].sort(),
  };
}

export interface Recovery {
  readonly slip: PaySlip;
  readonly recovered: number;
  readonly outstandingAfter: number;
}

/**
 * The slip with this month's instalment as an in-list gaji deduction, or the slip unchanged when
 * nothing is owed (or its gaji net is zero). Applied after the engine's pembulatan: an instalment is
 * never rounded, so the month of the last (exact) instalment may have a net that is not a multiple of
 * Rp100 — recovering more than is owed to keep it round would be worse.
 */
export function applyKelebihanRecovery(
  slip: PaySlip,
  balance: KelebihanBalance,
  maxPerMonth: InForce<number>,
): Recovery {
  const net = slip.totals.gaji.bersih;
  const amount = Math.min(balance.outstanding, maxPerMonth.value, Math.max(0, net));
  if (amount <= 0) return { slip, recovered: 0, outstandingAfter: balance.outstanding };
  const outstandingAfter = balance.outstanding - amount;
  const bulan = balance.months.join(', ');
  const line: PayLine = {
    code: KELEBIHAN_CODE,
    label: `Angsuran kelebihan gaji ${bulan} (sisa ${formatRupiah(outstandingAfter)})`,
    amount,
    kind: 'POTONGAN',
    group: 'GAJI',
    ruleId: 'kelebihan.angsuran',
    citation: maxPerMonth.citation as Citation,
    basis: {
      bulan,
      kelebihan: balance.established,
      sudahDipotong: balance.recovered,
      sisaSebelum: balance.outstanding,
      maksimumPerBulan: maxPerMonth.value,
      bersihGaji: net,
      sisaSesudah: outstandingAfter,
    },
  };
  const gaji = { ...slip.totals.gaji, potongan: slip.totals.gaji.potongan + amount, bersih: net - amount };
  // The gaji lines come first on a slip: the instalment closes them, before any TPP line.
  const lastGaji = slip.lines.reduce((at, l, i) => (l.group === 'GAJI' ? i : at), -1);
  const lines = [...slip.lines.slice(0, lastGaji + 1), line, ...slip.lines.slice(lastGaji + 1)];
  return {
    slip: {
      ...slip,
      lines,
      totals: {
        ...slip.totals,
        potongan: slip.totals.potongan + amount,
        bersih: slip.totals.bersih - amount,
        gaji,
      },
    },
    recovered: amount,
    outstandingAfter,
  };
}

/** What a stored slip tells the paid ledger about kelebihan (PaidRecord.kelebihan) and the open flag. */
export interface SlipKelebihan {
  readonly established?: number;
  readonly recovered?: number;
  readonly months: readonly string[];
  /** Still to recover once this slip is paid: the lock keeps the employee flagged while it is > 0. */
  readonly outstandingAfter: number;
}

/** The instalment a regular gaji slip computed from its input's balance (run-kinds.ts computes through this). */
export function recoverOnSlip(slip: PaySlip, input: PayInput, rules: PayRules): PaySlip {
  const balance = input.kelebihan;
  if (!balance || balance.outstanding <= 0 || !slip.lines.some((l) => l.group === 'GAJI')) return slip;
  const setting = rules.tenant.in(input.month).rapel;
  return applyKelebihanRecovery(slip, balance, {
    value: setting.value.maxRecoveryPerMonth,
    citation: setting.citation,
  }).slip;
}

/** A slip's kelebihan facts: established by a rapel, or an instalment taken from a gaji slip. */
export function slipKelebihan(slip: PaySlip, input: PayInput): SlipKelebihan | undefined {
  const established = slip.meta.rapel?.kelebihan;
  if (established) {
    const months = slip.meta.rapel?.months.map((m) => m.month) ?? [];
    return { established, months, outstandingAfter: (input.kelebihan?.outstanding ?? 0) + established };
  }
  const balance = input.kelebihan;
  if (!balance) return undefined;
  const recovered = slip.lines.find((l) => l.code === KELEBIHAN_CODE)?.amount ?? 0;
  return { recovered, months: balance.months, outstandingAfter: balance.outstanding - recovered };
}
