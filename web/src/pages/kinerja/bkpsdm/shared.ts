import { useState } from 'react';
import { useTenantClock } from '../../../components/run/hooks';
import { L } from '../../../i18n/labels';

/**
 * What the BKPSDM appraisal pages (kalibrasi, tindak lanjut, capaian unit) share: the month they look
 * at (the previous month on the tenant's clock by default: the running month has no final results),
 * predikat order and words.
 */
export const PREDIKAT_ORDER = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'CUKUP',
  'KURANG',
  'SANGAT_KURANG',
] as const;
export type Predikat = (typeof PREDIKAT_ORDER)[number];

export function predikatLabel(p: string | null | undefined): string {
  if (!p) return L.kinerjaBkpsdm.kalibrasi.noPredikat;
  return (L.kinerjaBkpsdm.predikat as Record<string, string>)[p] ?? p;
}

/** "2026-12" → "2026-11". */
export function previousMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month a page looks at: last month on the tenant's clock until the user picks another. */
export function useReportMonth(): [string, (m: string) => void, string] {
  const clock = useTenantClock();
  const [picked, setPicked] = useState<string>();
  const month = picked ?? previousMonthOf(clock.month);
  return [month, setPicked, clock.month];
}

/** A valid 'YYYY-MM' from the month input (which may be empty while typing). */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The file name of an employee's lembar penilaian: "lembar-penilaian-2026-11-199001….pdf". */
export function lembarFileName(month: string, nip: string): string {
  return `lembar-penilaian-${month}-${nip}.pdf`;
}
