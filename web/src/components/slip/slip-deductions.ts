import { POTONGAN_SLIP_LABELS as P } from '../../i18n/labels-potongan';
import type { DeductionPosting, SlipView } from './types';

/**
 * What a deduction posting says under its name on the slip: the list it came from, the instalment,
 * the creditor's account or loan number, the authorising document, and any arrear carried in or out
 * (potongan-lain.md §5: a shortfall is carried with a line saying so).
 */
export function postingText(p: DeductionPosting): string {
  const parts: string[] = [];
  const from = P.fromList[p.list];
  if (from) parts.push(from);
  if (p.instalmentNo !== undefined && p.tenor !== undefined)
    parts.push(P.instalment(p.instalmentNo, p.tenor));
  if (p.accountRef) parts.push(P.accountRef(p.accountRef));
  if (p.reference) parts.push(P.reference(p.reference.kind, p.reference.number));
  if (p.arrearIn > 0) parts.push(P.arrearIn(p.arrearIn));
  if (p.arrearCarried > 0 && !p.note) parts.push(P.arrearCarried(p.arrearCarried));
  const text = parts.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

export function takenOf(postings: readonly DeductionPosting[]): number {
  return postings.reduce((s, p) => s + p.taken, 0);
}

/** The slip's SIPD net (after in-list deductions) and take-home (after post-list ones), when applied. */
export function slipNets(view: Pick<SlipView, 'slip' | 'deductions'>): { bersih: number; diterima?: number } {
  const d = view.deductions;
  if (!d) return { bersih: view.slip.totals.bersih };
  return { bersih: d.sipdBersih, ...(d.postList.length > 0 ? { diterima: d.takeHome } : {}) };
}
