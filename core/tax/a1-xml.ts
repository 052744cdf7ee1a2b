import { XMLBuilder } from 'fast-xml-parser';
import type { AnnualFigures } from './annual';
import { TAX_OBJECT_PEGAWAI_TETAP } from './bpmp';
import type { Withholder } from './withholders';

/**
 * BPA1 (1721-A1) Coretax bulk file (pajak-pelaporan.md §5.1): `A1Bulk` / `ListOfA1` / `A1`, elements in the
 * audited order. Used for PPPK where the tenant's `pppkAnnualForm` is A1. Amounts come from the same annual
 * figures as the A2: gaji pokok → SalaryPensionJhtTht; the other allowances and the TPP → OtherBenefit;
 * what the gaji bruto held beyond its allowances (employer premiums) → InsurancePaidByEmployer; iuran
 * pensiun/THT → PensionContributionJhtThtFee; PPh terutang → Article21IncomeTax (the converter does not
 * compute it). Tunjangan PPh is not in bruto (§6), so IncomeTaxBenefit is 0 and GrossUpOpt No.
 * `StatusOfWithholding`: the reference observed `PartialYear` and `Annualized` only; a full year is written
 * `FullYear` — UNVERIFIED, to be confirmed against the official template.
 */
export const A1_TEMPLATE_VERSION = 'BPA1 Coretax A1Bulk (field order per pajak-pelaporan.md §5.1)';

export interface A1Row {
  figures: AnnualFigures;
  nik: string;
  position: string;
}

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
});

export function a1Xml(input: {
  withholder: Withholder;
  year: number;
  withholdingDate: string;
  rows: readonly A1Row[];
}): string {
  const doc = {
    A1Bulk: {
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:noNamespaceSchemaLocation': 'schema.xsd',
      TIN: input.withholder.npwp,
      ListOfA1: {
        A1: input.rows.map(({ figures: f, nik, position }) => {
          const l = f.lines;
          return {
            WorkForSecondEmployer: 'No',
            TaxPeriodMonthStart: String(f.firstMonth),
            TaxPeriodMonthEnd: String(f.lastMonth),
            TaxPeriodYear: String(input.year),
            CounterpartOpt: 'Resident',
            CounterpartPassport: '',
            CounterpartTin: nik,
            TaxExemptOpt: f.ptkpStatus,
            StatusOfWithholding: f.firstMonth === 1 && f.lastMonth === 12 ? 'FullYear' : 'PartialYear',
            CounterpartPosition: position,
            TaxObjectCode: TAX_OBJECT_PEGAWAI_TETAP,
            NumberOfMonths: String(f.lastMonth - f.firstMonth + 1),
            SalaryPensionJhtTht: String(l['1']),
            GrossUpOpt: 'No',
            IncomeTaxBenefit: '0',
            OtherBenefit: String(l['2'] + l['3'] + l['5'] + l['6'] + l['7'] + l['8'] + l['10']),
            Honorarium: '0',
            InsurancePaidByEmployer: String(l['9']),
            Natura: '0',
            TantiemBonusThr: '0',
            PensionContributionJhtThtFee: String(l['13']),
            Zakat: '0',
            PrevWhTaxSlip: '',
            TaxCertificate: 'N/A',
            Article21IncomeTax: String(l['22']),
            IDPlaceOfBusinessActivity: input.withholder.nitku,
            WithholdingDate: input.withholdingDate,
          };
        }),
      },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(doc)}`;
}
