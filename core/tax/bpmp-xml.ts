import { XMLBuilder } from 'fast-xml-parser';
import { type Bpmp, formatRate } from './bpmp';

/**
 * The Coretax bulk-import file of a BPMP (pajak-pelaporan.md §3): `MmPayrollBulk` with the xsi namespace
 * and `schema.xsd`, the withholder's NPWP as `TIN` first, then one `MmPayroll` per row with its thirteen
 * elements in the official template's order. Empty optional elements are self-closing; numbers carry no
 * separators and the rate a dot (§8). The run, its state and the template version travel beside the file
 * (headers, audit, file name), not inside it, so the file is exactly what Coretax imports.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

export function bpmpXml(bpmp: Bpmp): string {
  const [year, month] = bpmp.masa.split('-');
  const doc = {
    MmPayrollBulk: {
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:noNamespaceSchemaLocation': 'schema.xsd',
      TIN: bpmp.withholder.npwp,
      ListOfMmPayroll: {
        MmPayroll: bpmp.rows.map((r) => ({
          TaxPeriodMonth: String(Number(month)),
          TaxPeriodYear: year,
          CounterpartOpt: 'Resident',
          CounterpartPassport: '',
          CounterpartTin: r.nik,
          StatusTaxExemption: r.ptkpStatus,
          Position: r.position,
          TaxCertificate: r.taxCertificate,
          TaxObjectCode: r.taxObjectCode,
          Gross: String(r.gross),
          Rate: formatRate(r.rateBp),
          IDPlaceOfBusinessActivity: bpmp.withholder.nitku,
          WithholdingDate: bpmp.withholdingDate,
        })),
      },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(doc)}`;
}
