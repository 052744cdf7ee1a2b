import { roundHalfUpRate, truncateRate } from './money';

export interface BpjsKesehatanResult {
  /** The base after the monthly cap (and after what other lists already used of it). */
  readonly cappedBase: number;
  readonly employer: number;
  readonly employee: number;
}

/**
 * Perpres 82/2018 Pasal 30 and 33 as amended: 5% of the monthly base (gaji pokok, tunjangan keluarga,
 * tunjangan jabatan/umum, tunjangan profesi, TPP), 4% employer and 1% employee, base capped at
 * Rp12.000.000. `headroom` is what is left of the cap for this list. Amounts round half-up.
 */
export function bpjsKesehatan(
  input: { readonly base: number; readonly headroom: number },
  rates: { readonly employerBp: number; readonly employeeBp: number },
): BpjsKesehatanResult {
  const cappedBase = Math.max(0, Math.min(input.base, input.headroom));
  return {
    cappedBase,
    employer: roundHalfUpRate(cappedBase, rates.employerBp),
    employee: roundHalfUpRate(cappedBase, rates.employeeBp),
  };
}

export interface TaspenResult {
  readonly base: number;
  readonly iuran: number;
  /** Informational split; each part truncated on its own, so they may sum to 1 rupiah less. */
  readonly pensiun: number;
  readonly tht: number;
}

/**
 * Iuran wajib pegawai Taspen: 8% of (gaji pokok + tunjangan keluarga), computed once and truncated to
 * the rupiah; 4,75% pensiun and 3,25% THT are shown for information only.
 */
export function iuranTaspen(
  input: { readonly gajiPokok: number; readonly tunjanganKeluarga: number },
  rates: { readonly totalBp: number; readonly pensiunBp: number; readonly thtBp: number },
): TaspenResult {
  const base = input.gajiPokok + input.tunjanganKeluarga;
  return {
    base,
    iuran: truncateRate(base, rates.totalBp),
    pensiun: truncateRate(base, rates.pensiunBp),
    tht: truncateRate(base, rates.thtBp),
  };
}

/** PP 70/2015 as amended by PP 66/2017: JKK 0,24% and JKM 0,72% of gaji pokok, employer-paid, half-up. */
export function iuranJkkJkm(
  input: { readonly gajiPokok: number },
  rates: { readonly jkkBp: number; readonly jkmBp: number },
): { readonly jkk: number; readonly jkm: number } {
  return {
    jkk: roundHalfUpRate(input.gajiPokok, rates.jkkBp),
    jkm: roundHalfUpRate(input.gajiPokok, rates.jkmBp),
  };
}

/**
 * PP 25/2020 as amended by PP 21/2024 Pasal 15: Tapera 2,5% employee + 0,5% employer of gaji (engine base:
 * gaji pokok + tunjangan keluarga), half-up. Only when the tenant switches it on.
 */
export function iuranTapera(
  input: { readonly base: number },
  rates: { readonly employeeBp: number; readonly employerBp: number },
): { readonly employee: number; readonly employer: number } {
  return {
    employee: roundHalfUpRate(input.base, rates.employeeBp),
    employer: roundHalfUpRate(input.base, rates.employerBp),
  };
}

/** Tenant-enabled PPPK THT/JHT (Permendagri 6/2021 Pasal 19): rate × (gaji pokok + keluarga), truncated like Taspen. */
export function iuranThtPppk(input: { readonly base: number }, rateBp: number): number {
  return truncateRate(input.base, rateBp);
}
