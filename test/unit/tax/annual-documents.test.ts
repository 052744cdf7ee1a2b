import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { nationalRulesFor } from '../../../core/rulesets/national-in-force';
import { a1Xml } from '../../../core/tax/a1-xml';
import { annualFigures, annualRulesOf } from '../../../core/tax/annual';
import type { Withholder } from '../../../core/tax/withholders';
import { a2Csv, renderA2Pdf } from '../../../functions/tax/a2-document';
import { extractPdfText } from '../documents/pdf-text';
import { yearOfSlips } from './section-9';

const { rules, iuranPensiunDeductible } = annualRulesOf(nationalRulesFor(nationalRuleset, '2026-12'));
const figures = annualFigures({
  year: 2026,
  nip: '199001012015031001',
  slips: yearOfSlips(),
  rules,
  iuranPensiunDeductible,
});
const BUD: Withholder = {
  id: 'BPKAD',
  name: 'BPKAD Kabupaten Contoh',
  npwp: '0001234567890000',
  nitku: '0001234567890000000000',
  bendahara: { nama: 'Sri Wahyuni', nip: '198001012005012001' },
  opds: [],
  lists: ['GAJI', 'TPP'],
};
const who = {
  nip: '199001012015031001',
  nama: 'Pegawai Contoh',
  nik: '3402015501900002',
  golongan: 'III/a',
  jabatan: 'Pelaksana',
  opd: 'DISDIK',
};

describe('1721-A2 as a PDF laid out like the form, and as a data file (§5.2, §9)', () => {
  it('should print the header, identity and every line with the §9 amounts', async () => {
    const pdf = await renderA2Pdf(figures, who, {
      tenantName: 'Kabupaten Contoh',
      withholder: BUD,
      runsCaption: '2026-01-GAJI_TPP (DIKUNCI), …',
      preview: false,
      printedAt: new Date('2027-01-15T03:00:00Z'),
      compress: false,
    });
    const { text } = extractPdfText(pdf);
    for (const part of [
      '1721-A2',
      'Masa perolehan penghasilan',
      '01 – 12 2026',
      '0001234567890000',
      'Sri Wahyuni',
      '3402015501900002',
      'TK/0',
      '21-100-01',
    ])
      expect(text).toContain(part);
    // §9's table, typed from the reference.
    for (const amount of [
      'Rp 38.999.800',
      'Rp 2.590.000',
      'Rp 1.013.880',
      'Rp 676',
      'Rp 1.746.852',
      'Rp 34.952.000',
      'Rp 79.303.208',
      'Rp 3.965.160',
      'Rp 2.674.272',
      'Rp 72.663.776',
      'Rp 54.000.000',
      'Rp 18.663.000',
      'Rp 933.150',
    ])
      expect(text).toContain(amount);
    expect(text).toContain('Jumlah penghasilan bruto (4 s.d. 10)');
    expect(text).not.toContain('PRATINJAU');
  });

  it('should write one CSV row per employee with the lines, its source and format', () => {
    const csv = a2Csv([{ figures, who, withholder: BUD, problems: [] }], {
      runsCaption: '2026-12-GAJI_TPP (DIKUNCI)',
      preview: false,
    });
    const [header, row] = csv
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('baris_11')).toBe('79303208');
    expect(cell('baris_20')).toBe('933150');
    expect(cell('baris_23A')).toBe('0');
    expect(cell('baris_23B')).toBe('933150');
    expect(cell('nik')).toBe('3402015501900002');
    expect(cell('status')).toBe('OK');
    expect(cell('format')).toContain('1721-A2');
  });
});

describe('BPA1 XML (§5.1)', () => {
  it('should write the A1 elements in the audited order with the annual figures', () => {
    const xml = a1Xml({
      withholder: BUD,
      year: 2026,
      withholdingDate: '2026-12-20',
      rows: [{ figures, nik: who.nik, position: who.jabatan }],
    });
    const order = [
      'WorkForSecondEmployer',
      'TaxPeriodMonthStart',
      'TaxPeriodMonthEnd',
      'TaxPeriodYear',
      'CounterpartOpt',
      'CounterpartPassport',
      'CounterpartTin',
      'TaxExemptOpt',
      'StatusOfWithholding',
      'CounterpartPosition',
      'TaxObjectCode',
      'NumberOfMonths',
      'SalaryPensionJhtTht',
      'GrossUpOpt',
      'IncomeTaxBenefit',
      'OtherBenefit',
      'Honorarium',
      'InsurancePaidByEmployer',
      'Natura',
      'TantiemBonusThr',
      'PensionContributionJhtThtFee',
      'Zakat',
      'PrevWhTaxSlip',
      'TaxCertificate',
      'Article21IncomeTax',
      'IDPlaceOfBusinessActivity',
      'WithholdingDate',
    ];
    const inRow = [...xml.slice(xml.indexOf('<A1>')).matchAll(/<(\w+)[ />]/g)]
      .map((m) => m[1])
      .slice(1, order.length + 1);
    expect(inRow).toEqual(order);
    const a1 = new XMLParser({ parseTagValue: false }).parse(xml).A1Bulk.ListOfA1.A1;
    // Σ of the amount fields = A2 line 11 (bruto); PPh = line 22.
    const bruto =
      Number(a1.SalaryPensionJhtTht) + Number(a1.OtherBenefit) + Number(a1.InsurancePaidByEmployer);
    expect(bruto).toBe(79_303_208);
    expect(a1.PensionContributionJhtThtFee).toBe('2674272');
    expect(a1.Article21IncomeTax).toBe('933150');
    expect(a1.CounterpartTin).toBe(who.nik);
  });
});
