export interface TunjanganBerasResult {
  readonly jiwa: number;
  readonly jiwaPaid: number;
  readonly amount: number;
}

/**
 * PER-3/PB/2015: 10 kg × Rp7.242 = Rp72.420 per jiwa per month, for the employee, the spouse and the
 * children on the daftar gaji; the number of jiwa is capped by data (default 4, UNVERIFIED).
 */
export function tunjanganBeras(
  input: { readonly jiwa: number },
  rules: { readonly rupiahPerJiwa: number; readonly maxJiwa: number },
): TunjanganBerasResult {
  const jiwaPaid = Math.min(input.jiwa, rules.maxJiwa);
  return { jiwa: input.jiwa, jiwaPaid, amount: jiwaPaid * rules.rupiahPerJiwa };
}
