import { groupTimelines, viewAsOf } from '../employee/timeline';
import { DomainError } from '../errors';
import { monthIndex } from '../pay/month';
import {
  baseMonthOf,
  computeSpecialPayment,
  type MasaList,
  nationalSpecialPayment,
  SPECIAL_PAYMENT_LABEL,
  tenantSpecialPayment,
} from '../pay/special-payment';
import { TPP_CRITERIA } from '../rulesets/tenant-schema';
import type { EmployeeRunData } from './ports';
import type { PrepareOutcome, PrepareRequest, RunKindSpec, StartCheck } from './run-kinds';
import { type PaidRecord, RUN_KINDS, type RunKind } from './run-types';
import { employeeSnapshot, lastDayOfMonth } from './snapshot';

/**
 * THR and gaji 13 as run kinds (gaji13-thr.md). A run pays one type in its month (the payment month =
 * masa pajak), after the month's regular lists are locked: its PPh is TER on the masa's cumulative
 * bruto, so it reads every employee's paid ledger (the masa's lists and the base month's TPP).
 */
type SpecialKind = 'THR' | 'GAJI13';

/** Regular kinds, in the order their lists are paid within a month (gaji induk, then TPP). */
const REGULAR_WITH_GAJI: readonly RunKind[] = ['GAJI_TPP', 'GAJI'];
const REGULAR: readonly RunKind[] = ['GAJI_TPP', 'GAJI', 'TPP'];
const TPP_LINE_CODES = TPP_CRITERIA.map((c) => `TPP_${c}`);

function refuse(code: string, message: string, path = 'body.month'): never {
  throw new DomainError(code === 'GAJI_INDUK_BELUM_DIKUNCI' ? 'CONFLICT' : 'INVALID', code, message, [
    { path, message },
  ]);
}

/** Before anything is written: the year's national data, the payment window, the regular lists locked. */
function checkStart(type: SpecialKind) {
  return ({ month, rules, runsOfYear }: StartCheck): void => {
    const label = SPECIAL_PAYMENT_LABEL[type];
    const found = nationalSpecialPayment(rules, type, month);
    if (!found.ok) refuse('NO_NATIONAL_DATA', found.message);
    const rule = found.rule.value;
    if (month < rule.payFrom.slice(0, 7)) {
      refuse(
        'BEFORE_PAY_WINDOW',
        `${label} ${rule.year} paling cepat dibayar ${rule.payFrom} (${found.rule.citation.regulation}: ${rule.window})`,
      );
    }
    if (month.endsWith('-12')) {
      refuse(
        'LAST_MASA',
        `${label} pada masa pajak terakhir (Desember) belum didukung: PPh setahun dihitung pada gaji induk Desember; bayarkan sebelum Desember`,
      );
    }
    const share = tenantSpecialPayment(rules, type, month);
    if (share.value.tppPercent > rule.tppMaxPercent) {
      refuse(
        'TPP_SHARE_ABOVE_CAP',
        `bagian TPP ${share.value.tppPercent}% (aturan tenant specialPayment.tpp) melebihi batas ${rule.tppMaxPercent}% ${found.rule.citation.regulation}`,
        `specialPayment.tpp.${type}.tppPercent`,
      );
    }
    const regular = runsOfYear.filter((r) => r.month === month && REGULAR.includes(r.kind));
    const open = regular.find((r) => r.state !== 'LOCKED');
    if (open || !regular.some((r) => REGULAR_WITH_GAJI.includes(r.kind))) {
      refuse(
        'GAJI_INDUK_BELUM_DIKUNCI',
        open
          ? `run ${open.id} bulan ${month} belum dikunci: ${label} dihitung setelah daftar reguler bulan itu dikunci (PPh 21 kumulatif per masa)`
          : `belum ada daftar gaji induk bulan ${month} yang dikunci: ${label} dihitung setelah gaji induk bulan pembayaran (PPh 21 kumulatif per masa)`,
      );
    }
  };
}

const kindOrder = (kind: string) => {
  const i = RUN_KINDS.indexOf(kind as RunKind);
  return i < 0 ? RUN_KINDS.length : i;
};

/** The masa's lists already paid (every locked kind but this one), in payment order. */
export function masaListsOf(paid: readonly PaidRecord[], month: string, kind: RunKind): MasaList[] {
  return paid
    .filter((p) => p.month === month && p.kind !== kind)
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))
    .map((p) => ({
      runId: p.runId,
      kind: p.kind,
      bruto: p.taxFacts.brutoGaji + p.taxFacts.brutoTpp,
      // A TPP taxed at a flat final-style rate (brutoTpp 0) is not part of the TER masa.
      pph: p.taxFacts.pphGaji + (p.taxFacts.brutoTpp > 0 ? p.taxFacts.pphTpp : 0),
    }));
}

/** Σ of the TPP criterion lines paid in the base month by the regular lists; undefined when none is locked. */
export function tppPaidIn(paid: readonly PaidRecord[], baseMonth: string): number | undefined {
  const lists = paid.filter((p) => p.month === baseMonth && (p.kind === 'GAJI_TPP' || p.kind === 'TPP'));
  if (lists.length === 0) return undefined;
  return lists.reduce((s, p) => s + TPP_LINE_CODES.reduce((t, code) => t + (p.lineAmounts[code] ?? 0), 0), 0);
}

function prepare(type: SpecialKind) {
  return (req: PrepareRequest): PrepareOutcome => {
    const { nip, view, data, month, kind, rules } = req;
    const label = SPECIAL_PAYMENT_LABEL[type];
    const who = { nip, nama: view.nama, opd: view.penempatan.opd };
    const fail = (code: string, field: string, message: string): PrepareOutcome => ({
      ok: false,
      error: { ...who, code, field, message },
    });
    const found = nationalSpecialPayment(rules, type, month);
    if (!found.ok) return fail('NO_NATIONAL_DATA', `specialPayment.${type}`, found.message);
    const rule = found.rule.value;
    if (view.tmtEnd?.startsWith(month)) {
      return fail(
        'LAST_MASA',
        'tmtEnd',
        `berhenti pada ${view.tmtEnd}: ${month} masa pajak terakhir pegawai; ${label} tidak dihitung di sini (PPh setahun)`,
      );
    }
    const baseMonth = baseMonthOf(rule, month);
    const baseView = baseViewOf(data, baseMonth);
    if (!baseView) {
      return fail(
        'BASE_MONTH_NOT_IN_SERVICE',
        'special.baseMonth',
        `belum/tidak bertugas pada bulan dasar ${baseMonth}: ${label} dihitung dari gaji bulan dasar; ketentuan untuk pegawai tanpa gaji bulan dasar belum ada — kecualikan atau putuskan secara manual`,
      );
    }
    const baseEmployee = employeeSnapshot(baseView);
    if (rule.excludedStatuses.includes(baseEmployee.status)) {
      return fail(
        'NOT_ELIGIBLE',
        'employee.status',
        `${baseEmployee.status} pada bulan dasar ${baseMonth}: tidak menerima ${label} (${found.rule.citation.regulation})`,
      );
    }
    const masaLists = masaListsOf(data.paid, month, kind);
    if (!data.paid.some((p) => p.month === month && REGULAR_WITH_GAJI.includes(p.kind))) {
      return fail(
        'GAJI_INDUK_BELUM_DIBAYAR',
        `paid.${month}`,
        `gaji induk ${month} pegawai ini belum ada di daftar yang dikunci: PPh 21 ${label} dihitung kumulatif sesudah gaji induk masa itu`,
      );
    }
    const tppPaidInBaseMonth = tppPaidIn(data.paid, baseMonth);
    return {
      ok: true,
      input: {
        ...req.input,
        tppPeriods: undefined,
        special: {
          type,
          baseMonth,
          baseEmployee,
          ...(tppPaidInBaseMonth === undefined ? {} : { tppPaidInBaseMonth }),
          masaLists,
        },
      },
    };
  };
}

/** The employee as of the base month's last day, if in service that month. */
function baseViewOf(data: EmployeeRunData, baseMonth: string) {
  const employee = data.employee;
  if (!employee) return undefined;
  const view = viewAsOf(
    employee.identity,
    groupTimelines(data.timelines),
    employee.version,
    lastDayOfMonth(baseMonth),
  );
  if (!view || view.kepegawaian.status === 'BERHENTI') return undefined;
  if (view.tmtStart > lastDayOfMonth(baseMonth)) return undefined;
  if (view.tmtEnd && monthIndex(view.tmtEnd.slice(0, 7)) < monthIndex(baseMonth)) return undefined;
  return view;
}

function specialKind(type: SpecialKind): RunKindSpec {
  return {
    lists: ['GAJI', 'TPP'],
    family: 'SPECIAL',
    label: SPECIAL_PAYMENT_LABEL[type],
    needsPerformanceFacts: false,
    needsPaidLedger: true,
    correctsPaidMonths: false,
    paysAfterRegular: true,
    compute: computeSpecialPayment,
    prepareInput: prepare(type),
    checkStart: checkStart(type),
  };
}

export const THR_KIND_SPEC: RunKindSpec = specialKind('THR');
export const GAJI13_KIND_SPEC: RunKindSpec = specialKind('GAJI13');
