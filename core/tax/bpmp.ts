import { truncateRate } from '../pay/money';
import { terRateBp } from '../pay/pph21';
import type { PtkpStatus } from '../pay/types';
import type { BracketIndex, TerCategory } from '../rulesets/national-in-force';
import type { SlipTax } from './slip-tax';
import { type TaxList, type TaxSettings, type Withholder, withholderFor } from './withholders';

/**
 * BPMP — bukti potong bulanan pegawai tetap (pajak-pelaporan.md §3): one row per (withholder, employee,
 * masa), aggregating every list the withholder paid the employee in the masa (gaji induk, TPP, THR, gaji 13,
 * rapel: every run kind of the month). Gross = Σ TER bruto of those lists; Rate = TER(category, Gross);
 * PPh = trunc(Gross × Rate), which equals the sum of the per-list amounts of the cumulative method.
 */
export const BPMP_TEMPLATE_VERSION = 'BPMP Coretax MmPayrollBulk (field order per pajak-pelaporan.md §3)';
/** Pegawai tetap incl. PNS/TNI/Polri/pejabat negara (§3 row 9); PPPK are pegawai tetap too. */
export const TAX_OBJECT_PEGAWAI_TETAP = '21-100-01';

export interface BpmpRow {
  nip: string;
  nama: string;
  opd: string;
  /** Employee TIN: the NIK (§2). */
  nik: string;
  ptkpStatus: PtkpStatus;
  position: string;
  taxCertificate: string;
  taxObjectCode: string;
  gross: number;
  rateBp: number;
  /** trunc(Gross × Rate): what Coretax derives from the row. */
  pph: number;
  /** Σ PPh of the same incomes on the stored slips; differs from `pph` only when the slips disagree. */
  pphSlips: number;
  /** The runs whose slips make up the row. */
  runIds: string[];
}

export interface BpmpProblem {
  nip?: string;
  opd?: string;
  field: string;
  message: string;
}

export interface Bpmp {
  withholder: Withholder;
  masa: string;
  withholdingDate: string;
  rows: BpmpRow[];
  /** Data the file cannot be built without (no NIK, no withholder for an OPD's list): the export refuses. */
  problems: BpmpProblem[];
  /** Employees whose masa is their last: reported on the annual A1/A2 instead (§1), not in the BPMP. */
  lastMasa: string[];
  totals: { gross: number; pph: number; pphSlips: number };
}

export interface TerTables {
  readonly terCategory: Readonly<Record<PtkpStatus, TerCategory>>;
  readonly ter: Readonly<Record<TerCategory, BracketIndex>>;
}

/** The TER rate in percent as Coretax reads it: a dot, no trailing zeros (350 bp → "3.5"). */
export function formatRate(rateBp: number): string {
  const whole = Math.trunc(rateBp / 100);
  const frac = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

const PARTS: readonly { list: TaxList; bruto: 'brutoGaji' | 'brutoTpp'; pph: 'pphGaji' | 'pphTpp' }[] = [
  { list: 'GAJI', bruto: 'brutoGaji', pph: 'pphGaji' },
  { list: 'TPP', bruto: 'brutoTpp', pph: 'pphTpp' },
];

export function buildBpmp(input: {
  slips: readonly SlipTax[];
  settings: Pick<TaxSettings, 'withholders' | 'pnsDtpCertificate'>;
  withholderId: string;
  masa: string;
  withholdingDate: string;
  /** NIK per NIP; absent = unknown, which is a problem of the file (never a guessed TIN). */
  nik: ReadonlyMap<string, string>;
  tables: TerTables;
}): Bpmp {
  const withholder = input.settings.withholders.find((w) => w.id === input.withholderId);
  if (!withholder) throw new Error(`unknown withholder ${input.withholderId}`);
  const problems: BpmpProblem[] = [];
  const lastMasa = new Set<string>();
  const byNip = new Map<string, Omit<BpmpRow, 'rateBp' | 'pph'>>();
  const uncovered = new Set<string>();
  for (const s of input.slips) {
    if (s.isLastMasa) {
      lastMasa.add(s.nip);
      continue;
    }
    for (const part of PARTS) {
      const bruto = s[part.bruto];
      const pph = s[part.pph];
      if (bruto === 0 && pph === 0) continue;
      const w = withholderFor(input.settings.withholders, s.opd, part.list);
      if (!w) {
        const key = `${s.opd}|${part.list}`;
        if (!uncovered.has(key)) {
          uncovered.add(key);
          problems.push({
            opd: s.opd,
            field: 'withholders',
            message: `tidak ada pemotong untuk daftar ${part.list} OPD ${s.opd}`,
          });
        }
        continue;
      }
      if (w.id !== withholder.id) continue;
      let row = byNip.get(s.nip);
      if (!row) {
        row = {
          nip: s.nip,
          nama: s.nama,
          opd: s.opd,
          nik: input.nik.get(s.nip) ?? '',
          ptkpStatus: s.ptkpStatus,
          position: s.jabatan,
          taxCertificate:
            s.jenisAsn === 'PNS' || s.jenisAsn === 'CPNS' ? input.settings.pnsDtpCertificate : 'N/A',
          taxObjectCode: TAX_OBJECT_PEGAWAI_TETAP,
          gross: 0,
          pphSlips: 0,
          runIds: [],
        };
        byNip.set(s.nip, row);
      }
      row.gross += bruto;
      row.pphSlips += pph;
      if (!row.runIds.includes(s.runId)) row.runIds.push(s.runId);
    }
  }
  const rows: BpmpRow[] = [];
  for (const row of [...byNip.values()].sort((a, b) => a.nip.localeCompare(b.nip))) {
    if (lastMasa.has(row.nip)) continue;
    if (!/^\d{16}$/.test(row.nik)) {
      problems.push({
        nip: row.nip,
        opd: row.opd,
        field: 'nik',
        message: row.nik ? `NIK ${row.nik} bukan 16 digit` : 'NIK pegawai belum diisi',
      });
    }
    const category = input.tables.terCategory[row.ptkpStatus];
    const rateBp = terRateBp(row.gross, input.tables.ter[category]);
    rows.push({ ...row, rateBp, pph: truncateRate(Math.max(0, row.gross), rateBp) });
  }
  const sum = (f: (r: BpmpRow) => number) => rows.reduce((t, r) => t + f(r), 0);
  return {
    withholder,
    masa: input.masa,
    withholdingDate: input.withholdingDate,
    rows,
    problems,
    lastMasa: [...lastMasa].sort(),
    totals: { gross: sum((r) => r.gross), pph: sum((r) => r.pph), pphSlips: sum((r) => r.pphSlips) },
  };
}
