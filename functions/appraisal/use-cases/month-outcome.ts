import { classifyMonth, emptyStatusCounts, type MonthAttendance } from '../../../core/discipline/attendance';
import { addMonths, daysInMonth } from '../../../core/discipline/calendar-date';
import { disciplineSummary } from '../../../core/discipline/discipline-summary';
import type { LeaveKind } from '../../../core/discipline/leave';
import type { WorkCalendar } from '../../../core/discipline/work-calendar';
import type { StoredEmployee } from '../../../core/employee/repository';
import type { MonthlyFacts } from '../../../core/payroll/snapshot';
import type { AppraisalSettings } from '../../../core/performance/appraisal-settings';
import type { IkmScore, TeamResult } from '../../../core/performance/evaluation-sources';
import { type BawahanAssessment, monthlyEvaluation } from '../../../core/performance/monthly-evaluation';
import { PREDIKAT_LABELS } from '../../../core/performance/predikat';
import type { Realization } from '../../../core/performance/progress';
import type { Skp } from '../../../core/performance/skp';
import { type PayDisciplineRules, unitIdOf } from '../settings';
import type { MonthBundle, ResultDetail, StoredLeave, StoredResult, StoredSanction } from '../store/records';

/**
 * One employee's month, from stored inputs to the payroll's MonthlyFacts and the explained detail
 * beside it. Pure: everything (settings, pay rules, calendar, records) arrives as arguments.
 */
export interface MonthContext {
  tenantId: string;
  month: string;
  settings: AppraisalSettings;
  payRules: PayDisciplineRules;
  calendar: WorkCalendar;
  publicSatisfaction: readonly IkmScore[];
  teamResults: readonly TeamResult[];
  /** BKPSDM's penghargaan prestasi of the month by NIP (functions/appraisal/use-cases/prestasi-awards.ts). */
  prestasiAwards?: ReadonlyMap<string, { readonly skNumber: string; readonly skDate: string }>;
  /** Computed before the month ended: results are labelled sementara and the payroll refuses them. */
  provisional?: boolean;
}

export interface EmployeeMonthInputs {
  employee: StoredEmployee;
  skpRevisions: readonly Skp[];
  realizations: readonly Realization[];
  bundle: MonthBundle;
  leaves: readonly StoredLeave[];
  sanctions: readonly StoredSanction[];
  /** Results of earlier months of the same year, and of the month before (TK counts carry over). */
  earlierResults: readonly StoredResult[];
  bawahan: readonly BawahanAssessment[];
}

/**
 * Days outside the employee's service (TMT start/end inside the month, or a status that keeps them
 * away from work such as tugas belajar) are not hari kerja for them: they must not read as TK.
 */
function withinService(attendance: MonthAttendance, from: string, to: string): MonthAttendance {
  const statusCounts = emptyStatusCounts();
  const codeCounts: Record<string, number> = {};
  let workingDays = 0;
  const days = attendance.days.map((day) => {
    if (day.status === 'BUKAN_HARI_KERJA') return day;
    if (day.date < from || day.date > to) {
      return {
        date: day.date,
        status: 'BUKAN_HARI_KERJA' as const,
        codes: [],
        source: 'KALENDER' as const,
        notes: ['di luar masa kerja'],
      };
    }
    workingDays += 1;
    statusCounts[day.status] += 1;
    for (const code of day.codes) codeCounts[code] = (codeCounts[code] ?? 0) + 1;
    return day;
  });
  return { ...attendance, days, workingDays, statusCounts, codeCounts };
}

function serviceWindow(e: StoredEmployee, month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  if (e.current.kepegawaian.status !== 'AKTIF') return { from: last, to: first };
  const from = e.identity.tmtStart > first ? e.identity.tmtStart : first;
  const to = e.identity.tmtEnd && e.identity.tmtEnd < last ? e.identity.tmtEnd : last;
  return { from, to };
}

function tkCarry(earlier: readonly StoredResult[], month: string) {
  const year = month.slice(0, 4);
  const previousMonth = addMonths(month, -1);
  const sorted = earlier.filter((r) => r.month < month).sort((a, b) => a.month.localeCompare(b.month));
  const last = sorted.at(-1)?.month === previousMonth ? sorted.at(-1) : undefined;
  const tk = last?.detail.discipline.tk;
  return {
    // The previous month's year-to-date already holds every earlier month of the year.
    tkDaysEarlierThisYear:
      tk && previousMonth.startsWith(year)
        ? tk.yearToDate
        : sorted
            .filter((r) => r.month.startsWith(year))
            .reduce((s, r) => s + (r.detail.discipline.tk?.thisMonth ?? 0), 0),
    // The PDH count runs across months only when the previous month was computed.
    tkStreakCarriedIn: tk?.trailingStreak ?? 0,
  };
}

export function monthOutcome(
  inputs: EmployeeMonthInputs,
  ctx: MonthContext,
): Omit<StoredResult, 'computedAt' | 'computedBy'> {
  const { employee: e, bundle } = inputs;
  const { month, settings, payRules } = ctx;
  const nip = e.identity.nip;
  const { opd, unit } = e.current.penempatan;
  const unitId = unitIdOf(opd, unit);

  const evaluation = monthlyEvaluation({
    nip,
    month,
    settings,
    skpRevisions: inputs.skpRevisions,
    ...(bundle.evaluation ? { assessment: bundle.evaluation.assessment } : {}),
    realizations: inputs.realizations,
    peerFeedback: bundle.peerRatings.map((r) =>
      'score' in r ? { raterNip: r.raterNip, score: r.score } : { raterNip: r.raterNip, rating: r.rating },
    ),
    publicSatisfaction: ctx.publicSatisfaction.filter((s) => s.unitId === unitId),
    ...(ctx.teamResults.some((t) => t.unitId === unitId)
      ? { teamResult: ctx.teamResults.find((t) => t.unitId === unitId) as TeamResult }
      : {}),
    ...(inputs.bawahan.length > 0 ? { bawahan: inputs.bawahan } : {}),
  });

  const full = classifyMonth({
    nip,
    month,
    calendar: ctx.calendar,
    unit: unitId,
    rules: settings.attendance,
    events: bundle.events,
    corrections: [...bundle.corrections].sort((a, b) => a.at.localeCompare(b.at)),
    leaves: inputs.leaves,
  });
  const window = serviceWindow(e, month);
  const attendance = withinService(full, window.from, window.to);
  const discipline = disciplineSummary({
    attendance,
    leaves: inputs.leaves,
    sanctions: inputs.sanctions,
    ...tkCarry(inputs.earlierResults, month),
    episodeLeaveKinds: payRules.episodeLeaveKinds as LeaveKind[],
    payableCodes: payRules.payableCodes,
  });

  const cuts = Object.entries(discipline.summary.counts).map(([code, count]) => {
    const rule = payRules.attendanceCuts.get(code);
    const percent = rule?.percent ?? 0;
    return {
      code,
      label: rule?.label ?? code,
      count,
      percentPerOccurrence: percent,
      percent: count * percent,
      target: rule?.target,
    };
  });
  const sanctionCuts = discipline.summary.sanctions.map((s) => ({
    ...s,
    percent: s.cutPercent ?? payRules.sanctionPercent[s.level],
  }));
  const partial = attendance.workingDays !== full.workingDays && e.current.kepegawaian.status === 'AKTIF';
  const { coverage } = discipline;
  // The unit's capaian and a penghargaan by decree travel with the result: the tenant's insentif
  // prestasi rule (tpp.prestasi) may pay on them.
  const team = evaluation.evidence.teamResult;
  const award = ctx.prestasiAwards?.get(nip);
  const facts: MonthlyFacts = {
    month,
    performance:
      team || award
        ? {
            ...evaluation.result,
            ...(team
              ? { teamResult: { unitId: team.unitId, achievementPercent: team.achievementPercent } }
              : {}),
            ...(award ? { award: { skNumber: award.skNumber, skDate: award.skDate } } : {}),
          }
        : evaluation.result,
    discipline: discipline.summary,
    ...(partial ? { workingDays: { inMonth: full.workingDays, served: attendance.workingDays } } : {}),
    // What the payroll's missing-data rule reads: days without any record, and whether a rating exists.
    coverage: {
      attendance: {
        workingDays: coverage.workingDays,
        daysWithData: coverage.daysWithData,
        missingDates: [...coverage.missingDates],
      },
      evaluated: evaluation.result.status !== 'BELUM_DINILAI',
    },
    ...(ctx.provisional ? { provisional: true } : {}),
  };
  const predikat = evaluation.result.predikat;
  const detail: ResultDetail = {
    unitId,
    performance: {
      mode: evaluation.mode,
      status: evaluation.result.status,
      ...(predikat ? { predikat, predikatLabel: PREDIKAT_LABELS[predikat] } : {}),
      ...(evaluation.nilai !== undefined ? { nilai: evaluation.nilai } : {}),
      ...(evaluation.ratings ? { ratings: evaluation.ratings } : {}),
      ...(evaluation.skp ? { skp: evaluation.skp } : {}),
      ...(evaluation.progress ? { progress: evaluation.progress } : {}),
      ...(bundle.evaluation?.feedback ? { feedback: bundle.evaluation.feedback } : {}),
      sources: evaluation.sources,
      evidence: evaluation.evidence,
      extras: evaluation.extras,
      explanation: evaluation.explanation,
    },
    ...(ctx.provisional ? { provisional: true } : {}),
    discipline: {
      workingDays: attendance.workingDays,
      workingDaysInMonth: full.workingDays,
      coverage,
      punches: bundle.events.length,
      corrections: bundle.corrections.length,
      statusCounts: attendance.statusCounts,
      codeCounts: attendance.codeCounts,
      unsentCounts: discipline.unsentCounts,
      leave: discipline.summary.leave,
      sanctions: sanctionCuts,
      cuts,
      cutPercentTotal: Math.round(cuts.reduce((s, c) => s + c.percent, 0) * 100) / 100,
      tk: discipline.tk,
      warnings: discipline.warnings,
      notes: discipline.notes,
    },
  };
  return { nip, nama: e.identity.nama, opd, unit, unitId, month, facts, detail };
}
