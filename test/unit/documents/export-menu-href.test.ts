import { describe, expect, it } from 'vitest';
import { EXPORT_CATALOG } from '../../../core/reports/catalog';
import { exportHref } from '../../../web/src/components/run/export-href';

type Run = Parameters<typeof exportHref>[1];
const entry = (id: string) => EXPORT_CATALOG.find((x) => x.id === id)!;
const data = (menuState: Run['menuState']): Run => ({
  runId: '2026-11-GAJI_TPP',
  month: '2026-11',
  menuState,
});

describe('export menu links', () => {
  it('should ask a locked run for the final file of the chosen OPD and source account', () => {
    expect(exportHref(entry('bank-file'), data('READY'), 'DISDIK', 'rkud')).toBe(
      '/runs/2026-11-GAJI_TPP/exports/bank-file?opd=DISDIK&account=rkud',
    );
    expect(exportHref(entry('sipd-gaji'), data('READY'), 'DISDIK', 'rkud')).toBe(
      '/runs/2026-11-GAJI_TPP/exports/sipd-gaji?opd=DISDIK',
    );
  });

  it('should ask an approved run for a preview, and send no OPD to a per-masa (tax) export', () => {
    expect(exportHref(entry('taspen'), data('PREVIEW'), 'DINKES', undefined)).toBe(
      '/runs/2026-11-GAJI_TPP/exports/taspen?opd=DINKES&preview=true',
    );
    const tax = { ...entry('taspen'), id: 'bpmp-xml', scope: 'MONTH' as const, path: '/tax/bpmp/{month}' };
    expect(exportHref(tax, data('READY'), 'DINKES', undefined)).toBe('/tax/bpmp/2026-11');
  });
});
