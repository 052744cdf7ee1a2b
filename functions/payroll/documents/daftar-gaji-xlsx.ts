import type { RunSummary, StoredSlip } from '../../../core/payroll/run-types';
import { GAJI_LAYOUT } from './columns';
import { listRows } from './list-rows';
import { rapelListNotes, rapelListTitle } from './rapel-lists';
import { type DocumentOptions, identityColumns, moneyColumns, unknownCodesNote } from './sheet-columns';
import { specialListNotes, specialListTitle } from './special-lists';
import { renderListSheet } from './xlsx-list';

/**
 * The daftar gaji of one OPD (SIPD/SIMGAJI-like): the gaji lines of every slip in `slips` whose
 * header.opd is `opd`, in the order given, with the columns of sipd-bas.json gajiDaerahLines.
 */
export async function renderDaftarGaji(
  slips: readonly StoredSlip[],
  run: RunSummary,
  opd: string,
  tenant: { readonly name: string },
  options: DocumentOptions = {},
): Promise<Buffer> {
  const rows = listRows(slips, GAJI_LAYOUT, opd);
  const special = specialListTitle(run, 'GAJI') ?? rapelListTitle(run, 'GAJI');
  return renderListSheet({
    title: special?.title ?? 'DAFTAR GAJI PEGAWAI',
    sheetName: special?.sheet ?? 'Daftar Gaji',
    tenantName: tenant.name,
    opd,
    run,
    printedAt: options.printedAt ?? new Date(),
    columns: [...identityColumns(), ...moneyColumns(GAJI_LAYOUT, rows)],
    rows,
    freezeThrough: 'nama',
    notes: [
      ...specialListNotes(slips, run),
      ...rapelListNotes(slips, run),
      ...(rows.some((r) => r.amounts.has('tunjangan_bpjs'))
        ? [
            'Tunj. BPJS 4%, JKK dan JKM adalah iuran pemberi kerja, dicatat sebagai penghasilan dan potongan (bersih 0).',
          ]
        : []),
      ...unknownCodesNote(rows),
    ],
    signatures: [
      ['Mengetahui,', `Kepala ${opd}`],
      ['', 'Bendahara Pengeluaran'],
      ['', 'PPK-SKPD'],
    ],
  });
}
