import type { ExportRunRef } from '../../../core/reports/export-state';
import { PREVIEW_MARK } from '../../../core/reports/export-state';
import type { IuranRecap } from '../../../core/reports/iuran-recap';
import type { ReportLayout } from '../../../core/reports/report-layout';
import { formatBulan } from './format';
import { type ReportColumn, renderReportWorkbook } from './report-workbook';

/** 24 bp → '0,24%', 100 bp → '1%'. */
export function formatBp(bp: number): string {
  return `${(bp / 100).toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`;
}

const TEXT_KEYS: ReadonlySet<string> = new Set(['nik', 'nip', 'nama', 'opd', 'status']);

const RATE_LABEL: Readonly<Record<string, string>> = {
  iuran_pegawai: 'iuran pegawai',
  iuran_pemberi_kerja: 'iuran pemberi kerja',
  iwp: 'IWP',
  iwp_pensiun: 'bagian pensiun',
  iwp_tht: 'bagian THT',
  iuran_tht_pppk: 'THT PPPK',
  jkk: 'JKK',
  jkm: 'JKM',
};

export interface RecapDocumentContext {
  readonly tenantName: string;
  readonly run: ExportRunRef;
  readonly createdAt: Date;
}

/**
 * A BPJS Kesehatan or Taspen recap as XLSX in the tenant's layout: the per-OPD sheet (headcounts and
 * sums) first, then one row per employee; both end in a totals row. The title names the run, its state
 * and the layout version; a note states the rates as the slips' lines recorded them.
 */
export async function renderIuranRecapXlsx(
  recap: IuranRecap,
  layout: ReportLayout,
  ctx: RecapDocumentContext,
): Promise<Buffer> {
  const preview = ctx.run.exportState === 'PREVIEW';
  const titleLines = [
    layout.title,
    ctx.tenantName,
    `Bulan ${formatBulan(ctx.run.month)} · Run ${ctx.run.runId} · Status: ${ctx.run.runState}`,
    `Format ${layout.id} versi ${layout.version} (${layout.source.confidence}: ${layout.source.reference})`,
  ];
  const rates = Object.entries(recap.rates)
    .map(([k, bps]) => `${RATE_LABEL[k] ?? k} ${bps.map(formatBp).join(' / ')}`)
    .join('; ');
  const notes = [
    `Tarif sebagaimana tercatat pada baris slip bulan ini: ${rates || '—'}.`,
    'Semua angka diambil dari slip yang tersimpan pada run ini (tidak dihitung ulang).',
  ];
  const columns = (sheet: ReportLayout['employeeSheet']): ReportColumn[] =>
    sheet.columns.map((c) => ({
      key: c.key,
      header: c.header,
      format: TEXT_KEYS.has(c.key) ? 'text' : c.key.startsWith('peserta') ? 'int' : 'money',
    }));
  return renderReportWorkbook(
    [
      {
        name: layout.opdSheet.name,
        titleLines,
        columns: columns(layout.opdSheet),
        rows: recap.opds,
        totalLabel: 'JUMLAH',
        notes,
        ...(preview ? { previewMark: PREVIEW_MARK } : {}),
      },
      {
        name: layout.employeeSheet.name,
        titleLines,
        columns: columns(layout.employeeSheet),
        rows: recap.employees,
        totalLabel: `JUMLAH (${recap.employees.length} pegawai)`,
        notes,
        ...(preview ? { previewMark: PREVIEW_MARK } : {}),
      },
    ],
    { title: `${layout.title} ${ctx.run.runId}`, createdAt: ctx.createdAt },
  );
}
