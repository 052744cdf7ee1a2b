import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../../api/client';
import { useTenantClock } from '../../../components/run/hooks';
import { L } from '../../../i18n/labels';

/**
 * What the BKPSDM appraisal pages (kalibrasi, tindak lanjut, capaian unit) share: the month they look
 * at (the previous month on the tenant's clock by default: the running month has no final results),
 * predikat order and words, and the month's employees of one OPD.
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

export interface ResultRow {
  nip: string;
  nama: string;
  opd: string;
  unit?: string;
  status: string;
  predikat: string | null;
  provisional?: boolean;
}

/** Every result of an OPD's month (the API pages by 100; an OPD's few hundred employees are a few calls). */
export function useOpdResults(month: string, opd: string | undefined) {
  return useQuery({
    queryKey: ['results-all', month, opd],
    enabled: !!opd && isMonth(month),
    queryFn: async () => {
      const items: ResultRow[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ok(
          api.GET('/results/{month}', {
            params: {
              path: { month },
              query: { opd: opd!, limit: 100, ...(nextToken ? { nextToken } : {}) },
            },
          }),
        );
        items.push(...(page.items as unknown as ResultRow[]));
        nextToken = page.nextToken;
      } while (nextToken);
      return items.sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
    },
  });
}

/** The file name of an employee's lembar penilaian: "lembar-penilaian-2026-11-199001….pdf". */
export function lembarFileName(month: string, nip: string): string {
  return `lembar-penilaian-${month}-${nip}.pdf`;
}
