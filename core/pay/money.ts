/**
 * Integer rupiah arithmetic. Rates are whole basis points (1 bp = 0,01%), so a rate applied to an amount is
 * the exact integer product `amount × bp` divided by 10 000 with one explicit, named rounding. Products that
 * would pass 2^53 fall back to BigInt, so no step ever rounds implicitly through floating point.
 */
export const BP_PER_UNIT = 10_000;

export type RoundingMode = 'TRUNCATE' | 'HALF_UP';

/** Percent as stored in ruleset data (at most two decimals, validated on load) → basis points. */
export function percentToBp(percent: number): number {
  return Math.round(percent * 100);
}

/** Exact ⌊a × b / d⌋ and its remainder for non-negative integers a, b and positive integer d. */
export function mulDivRem(a: number, b: number, d: number): [quotient: number, remainder: number] {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    let q = Math.floor(product / d);
    let r = product - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    return [q, r];
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  return [Number(big / bd), Number(big % bd)];
}

/** Exact a × b / d with the named rounding. */
export function mulDiv(a: number, b: number, d: number, mode: RoundingMode): number {
  if (a < 0) return -mulDiv(-a, b, d, mode);
  const product = a * b;
  if (!Number.isSafeInteger(product)) {
    const big = BigInt(a) * BigInt(b);
    const bd = BigInt(d);
    const q = big / bd;
    return Number(mode === 'HALF_UP' && (big % bd) * 2n >= bd ? q + 1n : q);
  }
  let q = Math.floor(product / d);
  let r = product - q * d;
  // The float quotient can be off by one near huge products; the remainder says which way.
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return mode === 'HALF_UP' && r >= d - r ? q + 1 : q;
}

/** amount × rate, cut to whole rupiah (Taspen IWP, PPh 21). */
export function truncateRate(amount: number, rateBp: number): number {
  return mulDiv(amount, rateBp, BP_PER_UNIT, 'TRUNCATE');
}

/** amount × rate, half a rupiah and more rounds up (BPJS, JKK, JKM). */
export function roundHalfUpRate(amount: number, rateBp: number): number {
  return mulDiv(amount, rateBp, BP_PER_UNIT, 'HALF_UP');
}

/** ⌊amount / unit⌋ × unit (PKP to whole thousands). */
export function floorToUnit(amount: number, unit: number): number {
  return Math.floor(amount / unit) * unit;
}

/** What must be added to make `amount` a multiple of `unit`: (unit − amount mod unit) mod unit. */
export function topUpToUnit(amount: number, unit: number): number {
  const rest = ((amount % unit) + unit) % unit;
  return (unit - rest) % unit;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * An exact non-negative rational, reduced. Kept in Number while both parts stay safe integers (the
 * usual case: TPP factors reduce to small fractions such as 24/25) and in BigInt otherwise.
 */
export type Ratio = { readonly n: number; readonly d: number } | { readonly n: bigint; readonly d: bigint };

export function ratio(n: number, d: number): Ratio {
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}

export function ratioTimes(r: Ratio, factorN: number, factorD: number): Ratio {
  // The usual factors (full eligibility, no hukuman disiplin) are exactly 1.
  if (factorN === factorD && factorD !== 0) return r;
  const g0 = gcd(factorN, factorD) || 1;
  const n = factorN / g0;
  const d = factorD / g0;
  if (typeof r.n === 'number' && typeof r.d === 'number') {
    const g1 = gcd(r.n, d) || 1;
    const g2 = gcd(n, r.d) || 1;
    const num = (r.n / g1) * (n / g2);
    const den = (r.d / g2) * (d / g1);
    if (Number.isSafeInteger(num) && Number.isSafeInteger(den)) return { n: num, d: den };
  }
  const num = BigInt(r.n) * BigInt(n);
  const den = BigInt(r.d) * BigInt(d);
  const g = gcdBig(num, den) || 1n;
  const rn = num / g;
  const rd = den / g;
  if (rn <= BigInt(Number.MAX_SAFE_INTEGER) && rd <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return { n: Number(rn), d: Number(rd) };
  }
  return { n: rn, d: rd };
}

/** ⌊amount × r⌋ with the remainder scaled by r's denominator (comparable across amounts with the same r). */
export function applyRatio(amount: number, r: Ratio): [quotient: number, remainder: number] {
  if (typeof r.n === 'number' && typeof r.d === 'number') return mulDivRem(amount, r.n, r.d);
  const big = BigInt(amount) * BigInt(r.n);
  const d = BigInt(r.d);
  return [Number(big / d), Number(big % d)];
}

export function ratioIsHalfOrMore(remainder: number, r: Ratio): boolean {
  return remainder * 2 >= Number(r.d);
}
