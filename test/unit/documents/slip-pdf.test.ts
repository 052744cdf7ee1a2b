import { describe, expect, it } from 'vitest';
import { lineExplanation } from '../../../core/pay/explain';
import { DRAFT_WATERMARK, renderSlipPdf } from '../../../functions/payroll/documents';
import { formatRupiah } from '../../../functions/payroll/documents/format';
import { aLine, aRun, aStoredSlip } from '../../fixtures/slips';
import { extractPdfText } from './pdf-text';

const printedAt = new Date('2026-11-23T03:00:00Z');
/** Text wraps at different places than the source; compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

async function textOf(...args: Parameters<typeof renderSlipPdf>) {
  const pdf = await renderSlipPdf(...args);
  return { pdf, ...extractPdfText(pdf), flat: squash(extractPdfText(pdf).text) };
}

describe('renderSlipPdf', () => {
  it('should produce a PDF naming the tenant, the employee, the run and the net amount', async () => {
    const slip = aStoredSlip({ header: { gelarDepan: 'Dr.', gelarBelakang: 'S.T., M.Eng.' } });

    const { pdf, flat } = await textOf(slip, aRun(), { printedAt, compress: false });

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const expected of [
      'Pemerintah Kabupaten Bukitintan',
      'SLIP GAJI DAN TPP — NOVEMBER 2026',
      'Dr. Budi Santoso, S.T., M.Eng.',
      '198503152010011002',
      'Run 2026-11-GAJI_TPP · November 2026 · Status: DISETUJUI',
      `JUMLAH BERSIH DITERIMA${formatRupiah(slip.slip.totals.bersih)}`,
      'Dicetak 23 November 2026',
      'BPD DIY ******5678 a.n. Budi Santoso',
    ]) {
      expect(flat).toContain(squash(expected));
    }
    expect(flat).not.toContain('0012345678');
  });

  it('should print every line with its amount, explanation and the citation of its rule, gaji before TPP', async () => {
    const slip = aStoredSlip();

    const { flat } = await textOf(slip, aRun(), { printedAt });

    for (const line of slip.slip.lines) {
      expect(flat).toContain(squash(`${line.label}${formatRupiah(line.amount)}`));
      expect(flat).toContain(squash(lineExplanation(line)));
      expect(flat).toContain(squash(`Dasar: ${line.citation.regulation}`));
    }
    expect(flat).toContain(squash('keyakinan: data demo'));
    expect(flat.indexOf('A.GAJI')).toBeLessThan(flat.indexOf('B.TAMBAHANPENGHASILANPEGAWAI(TPP)'));
    const { gaji, tpp } = slip.slip.totals;
    expect(flat).toContain(squash(`Bersih gaji${formatRupiah(gaji.bersih)}`));
    expect(flat).toContain(
      squash(`Jumlah potongan${formatRupiah(tpp.potongan)}Bersih TPP${formatRupiah(tpp.bersih)}`),
    );
  });

  it('should print the corrections of locked months apart from the net', async () => {
    const slip = aStoredSlip({
      corrections: [
        {
          month: '2026-09',
          runId: '2026-09-GAJI_TPP',
          code: 'KGB',
          label: 'Kekurangan gaji pokok',
          amount: 112_000,
          cause: 'SK KGB berlaku surut',
        },
      ],
    });

    const { flat } = await textOf(slip, aRun(), { printedAt });

    expect(flat).toContain(squash('KOREKSI BULAN YANG SUDAH DIKUNCI'));
    expect(flat).toContain(squash('September 2026 — Kekurangan gaji pokok (run 2026-09-GAJI_TPP)Rp 112.000'));
    expect(flat).toContain(squash('Sebab: SK KGB berlaku surut'));
  });

  it('should watermark every page of a DRAFT run and no page of an approved one', async () => {
    const long = Array.from({ length: 30 }, (_, i) =>
      aLine(`POT_CICILAN_${i}`, 1_000 + i, { kind: 'POTONGAN', label: `Cicilan ${i}` }),
    );
    const slip = aStoredSlip({ extraLines: long });

    const draft = await textOf(slip, aRun({ state: 'DRAFT' }), { printedAt });
    const locked = await textOf(slip, aRun({ state: 'LOCKED' }), { printedAt });

    expect(draft.pages.length).toBeGreaterThan(1);
    for (const page of draft.pages) expect(squash(page)).toContain(squash(DRAFT_WATERMARK));
    expect(squash(draft.pages.at(-1) ?? '')).toContain(
      squash(`Halaman ${draft.pages.length} dari ${draft.pages.length}`),
    );
    expect(locked.flat).not.toContain(squash(DRAFT_WATERMARK));
    expect(locked.flat).toContain(squash('Status: TERKUNCI'));
  });

  it('should embed its own font and never name a standard PDF font', async () => {
    const { pdf } = await textOf(aStoredSlip(), aRun(), { printedAt });

    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FlateDecode');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  it('should replace characters the embedded font cannot draw', async () => {
    const slip = aStoredSlip({ header: { nama: 'Budi 漢字 Santoso' } });

    const { flat } = await textOf(slip, aRun(), { printedAt });

    expect(flat).toContain('Budi??Santoso');
  });
});
