import type { EmployeeView } from '../employee/employee';
import type { OpeningBalance } from '../pay/opening-balance';
import type {
  EmployeeSnapshot,
  Jabatan,
  MissingTppData,
  MonthlyPerformanceResult,
  PayInput,
  TaxYearToDate,
  TppPeriodFacts,
  YearMonth,
} from '../pay/types';
import type { SlipError, SlipHeader } from './run-types';

/**
 * Turns the employee master as of a month into the pay engine's plain input. Anything the payroll
 * cannot do without becomes a SlipError naming the field, so one bad record never stops a run.
 */
export interface MonthlyFacts {
  month: YearMonth;
  performance: MonthlyPerformanceResult;
  discipline: TppPeriodFacts['discipline'];
  workingDays?: { inMonth: number; served: number };
  /** How much of the month has data (results record it; absent on results stored before it was). */
  coverage?: MonthCoverage;
  /** Computed before the month ended: shown as sementara, never paid (core/payroll/missing-data.ts). */
  provisional?: boolean;
  /** Set by the run when the tenant pays missing data without cuts; never stored with a result. */
  missingData?: MissingTppData;
}

export interface MonthCoverage {
  /** Hari kerja served in the month, those with any attendance record, and the dates without one. */
  attendance: { workingDays: number; daysWithData: number; missingDates: string[] };
  /** The monthly evaluation (predikat) was made; false is BELUM_DINILAI. */
  evaluated: boolean;
}

export function lastDayOfMonth(month: YearMonth): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** No result stored yet for a month reads as "not yet rated", never as a silent zero. */
export function defaultFacts(month: YearMonth): MonthlyFacts {
  return {
    month,
    performance: { status: 'BELUM_DINILAI' },
    discipline: { counts: {}, leave: [], sanctions: [] },
  };
}

export function slipHeader(view: EmployeeView): SlipHeader {
  const j = view.jabatan;
  return {
    nip: view.nip,
    nama: view.nama,
    ...(view.gelarDepan ? { gelarDepan: view.gelarDepan } : {}),
    ...(view.gelarBelakang ? { gelarBelakang: view.gelarBelakang } : {}),
    jenisAsn: view.kepegawaian.jenisAsn,
    golongan: view.pangkat.golongan,
    jabatan: j.nama,
    ...(j.type === 'STRUKTURAL' ? { eselon: j.eselon } : {}),
    kelasJabatan: j.kelasJabatan,
    opd: view.penempatan.opd,
    unit: view.penempatan.unit,
    ...(view.npwp ? { npwp: view.npwp } : {}),
    ...(view.bankAccount ? { bank: view.bankAccount } : {}),
  };
}

/**
 * The national table keys tunjangan fungsional by jabatan family and jenjang (GURU / AHLI_MADYA);
 * the master stores the jabatan's own code, which often carries the jenjang too (GURU_AHLI_MADYA).
 */
export function fungsionalKey(kode: string, jenjang: string): { code: string; jenjang: string } {
  const j = jenjang
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  const code = kode.endsWith(`_${j}`) ? kode.slice(0, -(j.length + 1)) : kode;
  return { code, jenjang: j };
}

/**
 * Optional fields are written as present-but-undefined rather than spread in: every snapshot then has
 * the same hidden class, which keeps the pay engine's property reads monomorphic. Spreading them in gave
 * almost every employee its own shape and made those reads megamorphic. Storage and hashing drop
 * undefined values, so the stored snapshot is unchanged.
 */
export function employeeSnapshot(view: EmployeeView): EmployeeSnapshot {
  const j = view.jabatan;
  const k = view.keluarga;
  const status = view.kepegawaian.status;
  const spouse = k.statusKawin === 'KAWIN' ? k.spouse : undefined;
  let jabatan: Jabatan;
  if (j.type === 'STRUKTURAL') jabatan = { type: 'STRUKTURAL', eselon: j.eselon };
  else if (j.type === 'FUNGSIONAL') {
    const { code, jenjang } = fungsionalKey(j.kode, j.jenjang);
    jabatan = { type: 'FUNGSIONAL', code, jenjang, amount: j.tunjangan };
  } else jabatan = { type: 'PELAKSANA' };
  return {
    nip: view.nip,
    nama: view.nama,
    jenisAsn: view.kepegawaian.jenisAsn,
    golongan: view.pangkat.golongan,
    mkgYears: view.masaKerja.years,
    mkgMonths: view.masaKerja.months,
    jabatan,
    kelasJabatan: j.kelasJabatan,
    family: {
      spouse: spouse
        ? { isAsn: spouse.isAsn, receivesAllowanceHere: spouse.receivesAllowanceHere }
        : undefined,
      children: k.children.map((c) => ({
        birthDate: c.birthDate,
        status: c.status,
        inSchool: c.inSchool,
        married: c.married,
        hasIncome: c.hasIncome,
      })),
    },
    ptkpStatus: view.ptkpStatus,
    tmtStart: view.tmtStart,
    tmtEnd: view.tmtEnd || undefined,
    status: status === 'BERHENTI' ? 'AKTIF' : status,
    hasNpwp: Boolean(view.npwp),
  };
}

export interface SnapshotRequest {
  tenantId: string;
  month: YearMonth;
  view: EmployeeView | undefined;
  nip: string;
  facts: readonly MonthlyFacts[];
  taxYtd?: TaxYearToDate;
  /** The tax year's saldo awal, in the employee's last masa only (core/payroll/opening-balance.ts). */
  openingBalance?: OpeningBalance | undefined;
}

export type SnapshotOutcome =
  | { ok: true; input: PayInput; header: SlipHeader }
  | { ok: false; error: SlipError };

export function buildPayInput(req: SnapshotRequest): SnapshotOutcome {
  const { view, nip, month } = req;
  const fail = (field: string, code: string, message: string, v?: EmployeeView): SnapshotOutcome => ({
    ok: false,
    error: { nip, code, field, message, ...(v ? { nama: v.nama, opd: v.penempatan.opd } : {}) },
  });
  if (!view) return fail('tmtStart', 'NOT_IN_SERVICE', `belum bertugas pada ${month}`);
  if (view.kepegawaian.status === 'BERHENTI' || (view.tmtEnd && view.tmtEnd < `${month}-01`)) {
    return fail('tmtEnd', 'NOT_IN_SERVICE', `sudah berhenti sebelum ${month}`, view);
  }
  if (!view.bankAccount) {
    return fail(
      'bankAccount',
      'MISSING_BANK_ACCOUNT',
      'rekening bank belum diisi; gaji tidak dapat ditransfer',
      view,
    );
  }
  const input: PayInput = {
    tenantId: req.tenantId,
    month,
    employee: employeeSnapshot(view),
    tppPeriods: req.facts.map((f) => ({
      month: f.month,
      performance: f.performance,
      discipline: f.discipline,
      workingDays: f.workingDays || undefined,
      missingData: f.missingData || undefined,
    })),
    taxYtd: req.taxYtd,
    // Kept in the snapshot (present but undefined when there is none, like every optional field here):
    // `verify` recomputes the last masa from it, and a changed balance changes the input hash.
    openingBalance: req.openingBalance,
  };
  return { ok: true, input, header: slipHeader(view) };
}
