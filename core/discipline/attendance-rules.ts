/**
 * The tenant's attendance vocabulary: minute bands for terlambat (TL) and pulang sebelum waktu (PSW),
 * the code for a missing check-in/check-out, and which keterangan excuse a day. The common pattern
 * (TL1 1–30, TL2 31–60, TL3 61–90, TL4 > 90 or no record; PSW alike) is VERIFIED across regions
 * [S-JAMBI, S-TUKIN2014, S-TLMIN]; a variant starts with a free TL0 band [S-TLVAR].
 */
export interface MinuteBand {
  readonly code: string;
  /** Inclusive lower bound in whole minutes (≥ 1). */
  readonly fromMinute: number;
  /** Inclusive upper bound; null for the open last band. */
  readonly toMinute: number | null;
}

export interface ExcuseRule {
  /** Day code reported for an excused day, e.g. DL, TUGAS_KEDINASAN, CUTI, SAKIT. */
  readonly code: string;
  readonly label: string;
  /** The keterangan counts only with a letter (surat tugas, surat dokter); without it the day is judged as if absent. */
  readonly requiresLetter: boolean;
}

export interface AttendanceRules {
  readonly lateBands: readonly MinuteBand[];
  readonly earlyBands: readonly MinuteBand[];
  /** Code for a day with a check-out but no check-in (TL4 in the common pattern). */
  readonly missingCheckIn: string;
  /** Code for a day with a check-in but no check-out (PSW4 in the common pattern). */
  readonly missingCheckOut: string;
  readonly excuses: readonly ExcuseRule[];
}

/** The band a number of minutes falls in; undefined for 0 minutes (on time). */
export function bandFor(bands: readonly MinuteBand[], minutes: number): string | undefined {
  if (minutes <= 0) return undefined;
  for (const band of bands) {
    if (minutes >= band.fromMinute && (band.toMinute === null || minutes <= band.toMinute)) return band.code;
  }
  return undefined;
}

/** Every code these rules can put on a day, for summaries that list zero counts too. */
export function attendanceCodes(rules: AttendanceRules): string[] {
  const codes = new Set<string>(['HADIR', 'TK']);
  for (const band of [...rules.lateBands, ...rules.earlyBands]) codes.add(band.code);
  codes.add(rules.missingCheckIn);
  codes.add(rules.missingCheckOut);
  for (const excuse of rules.excuses) codes.add(excuse.code);
  return [...codes];
}
