/**
 * id-ID number formatting, hand-rolled because number-to-string conversion dominated the cost of
 * explaining 10 000 payslips: groups of three digits come from lookup tables built once.
 * Thousands use '.', decimals use ','.
 */
const HEAD = Array.from({ length: 1000 }, (_, i) => String(i));
const GROUP = Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, '0')}`);
const RP_HEAD = HEAD.map((head) => `Rp ${head}`);
const INT32_MAX = 2_147_483_647;

export function formatNumber(n: number): string {
  const negative = n < 0;
  const abs = negative ? -n : n;
  let out: string;
  if (abs <= INT32_MAX && Number.isInteger(abs)) {
    // Int32 arithmetic: every monthly amount fits.
    let rest = abs | 0;
    out = '';
    while (rest >= 1000) {
      const quotient = (rest / 1000) | 0;
      out = (GROUP[rest - quotient * 1000] ?? '') + out;
      rest = quotient;
    }
    out = (HEAD[rest] ?? '') + out;
  } else {
    const digits = String(Math.trunc(abs));
    let head = digits.length % 3 || 3;
    out = digits.slice(0, head);
    for (; head < digits.length; head += 3) out += `.${digits.slice(head, head + 3)}`;
  }
  return negative ? `-${out}` : out;
}

/** `Rp 3.385.600`; negative amounts as `-Rp 1.000`. */
export function formatRupiah(n: number): string {
  if (n >= 0 && n < 1e9 && Number.isInteger(n)) return rupiahBelowBillion(n);
  return n < 0 ? `-Rp ${formatNumber(-n)}` : `Rp ${formatNumber(n)}`;
}

/** Two concatenations at most: every monthly amount is below a billion. */
function rupiahBelowBillion(n: number): string {
  if (n < 1000) return RP_HEAD[n] as string;
  const thousands = (n / 1000) | 0;
  const units = GROUP[n - thousands * 1000] as string;
  if (thousands < 1000) return (RP_HEAD[thousands] as string) + units;
  const millions = (thousands / 1000) | 0;
  return (RP_HEAD[millions] as string) + (GROUP[thousands - millions * 1000] as string) + units;
}
/** Basis points → `2%`, `0,24%`, `4,75%`, `100%`. */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const cents = Math.abs(bp % 100);
  if (cents === 0) return `${formatNumber(whole)}%`;
  const decimals = cents < 10 ? `0${cents}` : String(cents);
  return `${formatNumber(whole)},${decimals.endsWith('0') ? decimals[0] : decimals}%`;
}
