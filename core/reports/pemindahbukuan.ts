import type { StoredSlip } from '../payroll/run-types';
import { PPPK_GOLONGAN } from '../rulesets/value-schemas';
import { fullName } from './employee-facts';

/**
 * The lampiran of a surat permohonan pemindahbukuan (bank-dan-laporan.md §2, single-source layout):
 * per employee the SIPD bersih (the bank's "gaji bruto"), the post-list deductions (zakat, infaq) and the
 * net credited. Sorted by golongan (highest first), then by tunjangan jabatan (highest first).
 */
export interface PemindahbukuanRow {
  readonly no: number;
  readonly nip: string;
  readonly nama: string;
  readonly golongan: string;
  readonly rekening: string;
  /** The SIPD bersih: what SIPD pays into the bendahara's account for this employee. */
  readonly gajiBruto: number;
  /**
   * Post-list deductions taken by the bendahara after SP2D (core/deductions): zakat and infaq in their own
   * columns, every post-list item (Korpri, koperasi, bank …) in jumlahPotongan, as the source's app does.
   */
  readonly zakat: number;
  readonly infaq: number;
  readonly jumlahPotongan: number;
  readonly net: number;
}

export interface PemindahbukuanTotals {
  readonly gajiBruto: number;
  readonly zakat: number;
  readonly infaq: number;
  readonly jumlahPotongan: number;
  readonly net: number;
}

const ROMAN = { I: 1, II: 2, III: 3, IV: 4 } as const;

/** PNS 'IV/e' highest … 'I/a' lowest; PPPK 'XVII' … 'I', after every PNS (the source shows PNS only). */
export function golonganRank(golongan: string): number {
  const pns = /^(IV|III|II|I)\/([a-e])$/.exec(golongan);
  if (pns) return 1000 + ROMAN[pns[1] as keyof typeof ROMAN] * 10 + (pns[2]!.charCodeAt(0) - 96);
  const pppk = (PPPK_GOLONGAN as readonly string[]).indexOf(golongan);
  return pppk >= 0 ? pppk + 1 : 0;
}

const JABATAN_CODES = new Set(['TUNJ_STRUKTURAL', 'TUNJ_FUNGSIONAL', 'TUNJ_UMUM']);
const tunjanganJabatan = (s: StoredSlip) =>
  s.slip.lines
    .filter((l) => JABATAN_CODES.has(l.code) && l.kind === 'PENGHASILAN')
    .reduce((a, l) => a + l.amount, 0);

export function pemindahbukuanRows(slips: readonly StoredSlip[]): {
  rows: PemindahbukuanRow[];
  totals: PemindahbukuanTotals;
} {
  const sorted = [...slips]
    .filter((s) => s.slip.totals.bersih > 0)
    .sort(
      (a, b) =>
        golonganRank(b.header.golongan) - golonganRank(a.header.golongan) ||
        tunjanganJabatan(b) - tunjanganJabatan(a) ||
        a.header.nip.localeCompare(b.header.nip),
    );
  const rows = sorted.map((s, i): PemindahbukuanRow => {
    const post = s.deductions?.postList ?? [];
    const sumOf = (category?: string) =>
      post.filter((p) => !category || p.category === category).reduce((a, p) => a + p.taken, 0);
    const gajiBruto = s.deductions?.sipdBersih ?? s.slip.totals.bersih;
    const zakat = sumOf('ZAKAT');
    const infaq = sumOf('INFAK');
    const jumlahPotongan = sumOf();
    return {
      no: i + 1,
      nip: s.header.nip,
      nama: fullName(s.header),
      golongan: s.header.golongan,
      rekening: s.header.bank?.accountNumber.replace(/[\s.-]/g, '') ?? '',
      gajiBruto,
      zakat,
      infaq,
      jumlahPotongan,
      net: gajiBruto - jumlahPotongan,
    };
  });
  const sum = (k: keyof PemindahbukuanTotals) => rows.reduce((s, r) => s + r[k], 0);
  return {
    rows,
    totals: {
      gajiBruto: sum('gajiBruto'),
      zakat: sum('zakat'),
      infaq: sum('infaq'),
      jumlahPotongan: sum('jumlahPotongan'),
      net: sum('net'),
    },
  };
}
