import ExcelJS from 'exceljs';
import type { TaxRecap } from '../../core/tax/recap';
import { formatBulan } from '../payroll/documents/format';

export const RECAP_TEMPLATE_VERSION = 'Rekap PPh 21 per OPD v1';

const MONEY = '#,##0;[Red]-#,##0';

/**
 * The masa's PPh 21 per OPD, one sheet: a header naming the tenant, the masa, the runs with their state
 * and the template version; then one row per OPD and the total row. A preview says so in its title.
 */
export async function renderTaxRecap(
  recap: TaxRecap,
  meta: { tenantName: string; runsCaption: string; preview: boolean; printedAt: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIGAP';
  const ws = wb.addWorksheet('Rekap PPh 21');
  const title = `REKAP PPh PASAL 21 MASA ${formatBulan(recap.masa).toUpperCase()}${meta.preview ? ' — PRATINJAU (run belum dikunci)' : ''}`;
  ws.addRow([title]).font = { bold: true, size: 12 };
  ws.addRow([meta.tenantName]);
  ws.addRow([`Sumber: ${meta.runsCaption}`]);
  ws.addRow([`Format: ${RECAP_TEMPLATE_VERSION} · dicetak ${meta.printedAt}`]);
  ws.addRow([]);
  const head = ws.addRow([
    'OPD',
    'Jumlah pegawai',
    'Penghasilan bruto',
    'PPh 21 dipotong',
    'PPh 21 ditanggung pemerintah (DTP)',
    'PPh 21 ditanggung pegawai',
  ]);
  head.font = { bold: true };
  for (const l of recap.lines)
    ws.addRow([l.opd, l.employees, l.bruto, l.pphDipotong, l.pphDtp, l.pphPegawai]);
  const t = recap.total;
  ws.addRow(['JUMLAH', t.employees, t.bruto, t.pphDipotong, t.pphDtp, t.pphPegawai]).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 18 : 22;
    if (i >= 2) c.numFmt = MONEY;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
