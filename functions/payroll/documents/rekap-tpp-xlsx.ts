import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { TPP_LAYOUT } from './columns';
import { formatBulan } from './format';
import { type ListRow, listRows } from './list-rows';
import { rapelListNotes, rapelListTitle } from './rapel-lists';
import { type DocumentOptions, identityColumns, moneyColumns, unknownCodesNote } from './sheet-columns';
import { specialListNotes, specialListTitle } from './special-lists';
import { type TppBreakdown, tppBreakdown } from './tpp-breakdown';
import { renderListSheet, type SheetColumn } from './xlsx-list';

const BAND = 'PAGU DAN CAPAIAN';

/** Kelas, pagu, the cut of every part (produktivitas, disiplin, …) and the overall cut from the pagu. */
function breakdownColumns(
  rows: readonly ListRow[],
  breakdowns: ReadonlyMap<ListRow, TppBreakdown>,
): SheetColumn[] {
  const of = (row: ListRow) => breakdowns.get(row) as TppBreakdown;
  const parts = new Map<string, string>();
  for (const row of rows) for (const p of of(row).parts) if (!parts.has(p.code)) parts.set(p.code, p.label);
  return [
    {
      key: 'kelas',
      header: 'Kelas Jabatan',
      band: BAND,
      width: 8,
      format: 'int',
      cell: (row) => of(row).kelasJabatan ?? null,
    },
    {
      key: 'pagu',
      header: 'Pagu TPP',
      band: BAND,
      width: 14,
      format: 'money',
      total: true,
      cell: (row) => of(row).pagu,
    },
    ...[...parts].map(
      ([code, label]): SheetColumn => ({
        key: `part_${code}`,
        header: `Potongan ${label} (%)`,
        band: BAND,
        width: 13,
        format: 'percent',
        cell: (row) => {
          const part = of(row).parts.find((p) => p.code === code);
          return part ? part.cutBp / 10_000 : null;
        },
      }),
    ),
    {
      key: 'potongan_persen',
      header: 'Potongan dari Pagu (%)',
      band: BAND,
      width: 12,
      format: 'percent',
      cell: (row) => {
        const b = of(row);
        return b.pagu > 0 ? (b.pagu - b.bruto) / b.pagu : null;
      },
    },
  ];
}

/**
 * The rekap TPP of one OPD: per employee the pagu, the cut per part and overall, every criterion (BK, TB,
 * KK, KP, PK …), TPP bruto, BPJS 4% both sides, IWP 1%, PPh and (APBD-borne tenants) the tunjangan PPh,
 * and the net; columns from sipd-bas.json tppSipdColumns.
 */
export async function renderRekapTpp(
  slips: readonly StoredSlip[],
  run: RunSummary,
  opd: string,
  tenant: { readonly name: string },
  options: DocumentOptions = {},
): Promise<Buffer> {
  const rows = listRows(slips, TPP_LAYOUT, opd);
  const breakdowns = new Map(rows.map((row) => [row, tppBreakdown(row.slip.slip)]));
  const periods = [...new Set([...breakdowns.values()].map((b) => b.period).filter((p) => p !== undefined))];
  const special = specialListTitle(run, 'TPP') ?? rapelListTitle(run, 'TPP');
  return renderListSheet({
    title: special?.title ?? 'REKAPITULASI TAMBAHAN PENGHASILAN PEGAWAI (TPP)',
    sheetName: special?.sheet ?? 'Rekap TPP',
    tenantName: tenant.name,
    opd,
    run,
    printedAt: options.printedAt ?? new Date(),
    columns: [...identityColumns(), ...breakdownColumns(rows, breakdowns), ...moneyColumns(TPP_LAYOUT, rows)],
    rows,
    freezeThrough: 'nama',
    notes: [
      ...specialListNotes(slips, run),
      ...rapelListNotes(slips, run),
      ...(periods.length > 0 ? [`Bulan kinerja: ${periods.map(formatBulan).join(', ')}.`] : []),
      'Potongan per bagian (produktivitas, disiplin, …) karena kehadiran, cuti dan hukuman disiplin; ' +
        'potongan dari pagu mencakup pula nilai kinerja dan ketentuan jenis/status ASN.',
      ...unknownCodesNote(rows),
    ],
    signatures: [
      ['Mengetahui,', `Kepala ${opd}`],
      ['', 'Bendahara Pengeluaran'],
      ['', 'PPK-SKPD'],
    ],
  });
}
