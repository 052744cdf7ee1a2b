import type { StoredSlip } from '../payroll/run-types';
import { fullName } from '../reports/employee-facts';
import type { ReadinessIssue } from '../reports/readiness';
import type { Posting } from './apply';
import type { Creditor, DeductionLayer } from './model';

/**
 * Daftar potongan per kreditur (potongan-lain.md §6): one list per creditor per OPD per month, from the
 * run's stored slips (never the live register: the list says what was taken), and one remittance per
 * creditor (Σ taken) for the bendahara's transfer. In-list items (zakat, Bulog) are remitted from the SP2D
 * potongan, post-list items from the bendahara's account: each creditor list names its layer.
 */
export interface DaftarRow {
  readonly no: number;
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly golongan: string;
  /** Nomor rekening/pinjaman at the creditor, else the reference (surat kuasa …). */
  readonly rekening: string;
  /** "3/12" for instalments, '' otherwise. */
  readonly angsuran: string;
  readonly jumlah: number;
  readonly tunggakan: number;
  readonly keterangan: string;
}

export interface CreditorList {
  readonly typeCode: string;
  readonly typeName: string;
  readonly layer: DeductionLayer;
  readonly creditor: Creditor;
  readonly opd: string;
  readonly rows: readonly DaftarRow[];
  readonly totals: { readonly jumlah: number; readonly tunggakan: number };
}

export interface Remittance {
  readonly typeCode: string;
  readonly typeName: string;
  readonly layer: DeductionLayer;
  readonly creditor: Creditor;
  readonly employees: number;
  readonly jumlah: number;
  readonly tunggakan: number;
}

const postingsOf = (s: StoredSlip): Posting[] => [
  ...(s.deductions?.inList ?? []),
  ...(s.deductions?.postList ?? []),
];

/** Every creditor list of the slips (one per type code and OPD), sorted by type then OPD; rows by NIP. */
export function creditorLists(slips: readonly StoredSlip[], typeCode?: string): CreditorList[] {
  const groups = new Map<string, { first: Posting; opd: string; items: { s: StoredSlip; p: Posting }[] }>();
  const sorted = [...slips].sort((a, b) => a.header.nip.localeCompare(b.header.nip));
  for (const s of sorted) {
    for (const p of postingsOf(s)) {
      if (typeCode && p.typeCode !== typeCode) continue;
      if (p.taken === 0 && p.arrearCarried === 0) continue;
      const key = `${p.typeCode}|${s.header.opd}`;
      const g = groups.get(key) ?? { first: p, opd: s.header.opd, items: [] };
      g.items.push({ s, p });
      groups.set(key, g);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => {
      const rows = g.items.map(
        ({ s, p }, i): DaftarRow => ({
          no: i + 1,
          nip: s.header.nip,
          nama: fullName(s.header),
          opd: s.header.opd,
          golongan: s.header.golongan,
          rekening: p.accountRef ?? p.reference?.number ?? '',
          angsuran:
            p.instalmentNo !== undefined && p.tenor !== undefined ? `${p.instalmentNo}/${p.tenor}` : '',
          jumlah: p.taken,
          tunggakan: p.arrearCarried,
          keterangan: [p.arrearIn > 0 ? `termasuk tunggakan bulan lalu ${p.arrearIn}` : '', p.note ?? '']
            .filter(Boolean)
            .join('; '),
        }),
      );
      return {
        typeCode: g.first.typeCode,
        typeName: g.first.typeName,
        layer: g.first.layer,
        creditor: g.first.creditor,
        opd: g.opd,
        rows,
        totals: {
          jumlah: rows.reduce((a, r) => a + r.jumlah, 0),
          tunggakan: rows.reduce((a, r) => a + r.tunggakan, 0),
        },
      };
    });
}

/** One remittance per creditor (type code): Σ taken over the run's slips, and Σ arrears reported to it. */
export function remittances(slips: readonly StoredSlip[]): Remittance[] {
  const out = new Map<string, Remittance & { nips: Set<string> }>();
  for (const list of creditorLists(slips)) {
    const r = out.get(list.typeCode) ?? {
      typeCode: list.typeCode,
      typeName: list.typeName,
      layer: list.layer,
      creditor: list.creditor,
      employees: 0,
      jumlah: 0,
      tunggakan: 0,
      nips: new Set<string>(),
    };
    for (const row of list.rows) r.nips.add(row.nip);
    out.set(list.typeCode, {
      ...r,
      employees: r.nips.size,
      jumlah: r.jumlah + list.totals.jumlah,
      tunggakan: r.tunggakan + list.totals.tunggakan,
    });
  }
  return [...out.values()].map(({ nips: _n, ...r }) => r);
}

/**
 * A creditor the bendahara must pay from its account (post-list, something taken) needs an account
 * number and holder: without one the daftar and the remittance are not ready, and the entry names it.
 */
export function creditorReadiness(slips: readonly StoredSlip[]): ReadinessIssue[] {
  const issues: ReadinessIssue[] = [];
  for (const r of remittances(slips)) {
    if (r.layer !== 'POST_LIST' || r.jumlah === 0) continue;
    if (!r.creditor.accountNumber || !r.creditor.accountName || !r.creditor.bank) {
      for (const exportId of ['potongan-kreditur', 'rekap-potongan-kreditur']) {
        issues.push({
          exportId,
          nip: '',
          nama: r.creditor.name,
          opd: '',
          column: 'rekening_kreditur',
          message: `kreditur ${r.creditor.name} (${r.typeCode}) belum memiliki bank, nomor rekening dan nama pemilik rekening`,
        });
      }
    }
  }
  return issues;
}
