import type { JenisAsn, PtkpStatus } from '../pay/types';
import type { RunKind, RunState, StoredSlip } from '../payroll/run-types';

/**
 * The tax view of one stored slip: what the bukti potong, the annual form and the tax recap read. Every
 * figure is taken from the slip as it was computed and stored (its tax facts and its lines); nothing is
 * recomputed from the employee master or the rules.
 */
export interface SlipTax {
  runId: string;
  /** Run kinds are read from the runs as they are (GAJI_TPP, GAJI, TPP, and later THR, GAJI13, RAPEL…). */
  kind: RunKind | string;
  runState: RunState;
  month: string;
  nip: string;
  nama: string;
  opd: string;
  jabatan: string;
  golongan: string;
  jenisAsn: JenisAsn | string;
  ptkpStatus: PtkpStatus;
  isLastMasa: boolean;
  /** TER bruto of the gaji list(s) and of the TPP paid on the slip (pph21.md §3: tunjangan PPh excluded). */
  brutoGaji: number;
  brutoTpp: number;
  /** PPh 21 of the slip per list, as the tax reconciliation counts it (the last masa's may be negative). */
  pphGaji: number;
  pphTpp: number;
  iuranPensiun: number;
  /** PPh deducted on the slip (the POT_PPH21 lines): what the SP2D deposits. */
  pphPotongan: number;
  /** PPh the government bears: the tunjangan PPh lines paid on the slip (pajak-pelaporan.md §6). */
  pphDtp: number;
  /** Σ of the gaji list's own income lines by line code (A2 lines 1–8 read these; premiums apart). */
  gajiLines: Record<string, number>;
  /** Σ of the gaji list's income lines, employer premiums shown as income included (tunjangan PPh not). */
  gajiIncome: number;
  /** Σ of the TPP's own income lines (no employer premiums, no tunjangan PPh). */
  tppIncome: number;
  /** Last masa only: the annual PPh (Pasal 17) the engine computed for the slip, from its trace. */
  annualPph?: number;
}

const POTONGAN_PPH = new Set(['POT_PPH21', 'POT_PPH21_TPP']);
const TUNJANGAN_PPH = new Set(['TUNJ_PPH21', 'TUNJ_PPH21_TPP']);

export function slipTax(stored: StoredSlip, runState: RunState): SlipTax {
  const { slip, header, input } = stored;
  const facts = slip.meta.taxFacts;
  let pphPotongan = 0;
  let pphDtp = 0;
  let gajiIncome = 0;
  let tppIncome = 0;
  const gajiLines: Record<string, number> = {};
  for (const line of slip.lines) {
    if (POTONGAN_PPH.has(line.code)) pphPotongan += line.amount;
    else if (TUNJANGAN_PPH.has(line.code)) pphDtp += line.amount;
    else if (line.kind !== 'PENGHASILAN') continue;
    else if (line.group === 'GAJI') {
      gajiIncome += line.amount;
      if (!line.passThrough) gajiLines[line.code] = (gajiLines[line.code] ?? 0) + line.amount;
    } else if (!line.passThrough) tppIncome += line.amount;
  }
  return {
    runId: stored.runId,
    kind: stored.kind,
    runState,
    month: stored.month,
    nip: header.nip,
    nama: header.nama,
    opd: header.opd,
    jabatan: header.jabatan,
    golongan: header.golongan,
    jenisAsn: header.jenisAsn,
    ptkpStatus: input.employee.ptkpStatus,
    isLastMasa: slip.meta.isLastMasa,
    brutoGaji: facts.brutoGaji,
    brutoTpp: facts.brutoTpp,
    pphGaji: facts.pphGaji,
    pphTpp: facts.pphTpp,
    iuranPensiun: facts.iuranPensiun,
    pphPotongan,
    pphDtp,
    gajiLines,
    gajiIncome,
    tppIncome,
    ...(slip.meta.isLastMasa ? annualPphOf(stored) : {}),
  };
}

function annualPphOf(stored: StoredSlip): { annualPph?: number } {
  const step = stored.slip.trace.find((t) => t.step === 'pph21.annual.pph');
  return step ? { annualPph: step.value } : {};
}
