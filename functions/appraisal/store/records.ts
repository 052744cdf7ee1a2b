import type { AttendanceCorrection, AttendanceEvent } from '../../../core/discipline/attendance';
import type { LeaveRecord } from '../../../core/discipline/leave';
import type { HukumanDisiplinRecord } from '../../../core/discipline/sanctions';
import type { WorkCalendar } from '../../../core/discipline/work-calendar';
import type { StoredEmployee } from '../../../core/employee/repository';
import type { MonthlyFacts } from '../../../core/payroll/snapshot';
import type { IkmScore, PeerRating, TeamResult } from '../../../core/performance/evaluation-sources';
import type { JabatanTemplate } from '../../../core/performance/indicator-library';
import type { MatrixAssessment, NumericAssessment } from '../../../core/performance/monthly-evaluation';
import type { Realization } from '../../../core/performance/progress';
import type { Skp } from '../../../core/performance/skp';
import { keys } from '../../table/keys';
import type { Item } from './ports';

/**
 * The stored shape of every appraisal item, and the one place that turns a record into an item (with
 * its keys) and back. Parsers drop the key attributes so records never carry table details outward.
 */
export interface StoredSkp {
  skp: Skp;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoredEvaluation {
  nip: string;
  month: string;
  assessment: MatrixAssessment | NumericAssessment;
  feedback?: string;
  version: number;
  updatedAt: string;
}

export interface StoredRealization extends Realization {
  id: string;
  recordedAt: string;
  recordedBy: string;
}

export interface PeerAsk {
  nip: string;
  month: string;
  raterNip: string;
  askedBy: string;
  at: string;
}

export type StoredPeerRating = PeerRating & { at: string };
export type StoredCorrection = AttendanceCorrection & { at: string };
export type StoredLeave = LeaveRecord & { recordedAt: string; recordedBy: string };
export type StoredSanction = HukumanDisiplinRecord & { recordedAt: string; recordedBy: string };

export interface StoredResult {
  nip: string;
  nama: string;
  opd: string;
  unit: string;
  unitId: string;
  month: string;
  /** Exactly what the payroll run reads (core/payroll/snapshot.ts MonthlyFacts). */
  facts: MonthlyFacts;
  /** The explained outcome behind the facts, for the API. */
  detail: ResultDetail;
  computedAt: string;
  computedBy: string;
  correctionReason?: string;
}

/** See use-cases/month-outcome.ts for how each part is made. */
export type ResultDetail = Record<string, unknown> & {
  performance: Record<string, unknown>;
  discipline: {
    tk: { thisMonth: number; yearToDate: number; longestStreak: number; trailingStreak: number };
    warnings: readonly { code: string; message: string }[];
  } & Record<string, unknown>;
};

export interface StoredCalendar {
  year: number;
  calendar: WorkCalendar;
  version: number;
  updatedAt: string;
  updatedBy: string;
  reason?: string;
}

export interface StoredLibraryEntry {
  template: JabatanTemplate;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const {
    pk: _p,
    sk: _s,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _e,
    gsi3sk: _f,
    ...rest
  } = item;
  const { entity: _entity, ...record } = rest;
  return record;
}

export const records = {
  skp(s: StoredSkp, latest: boolean): Item {
    const { nip, year, revision, pejabatPenilai } = s.skp;
    return {
      ...keys.skp(nip, year, revision),
      ...(latest ? keys.skpIndexes(pejabatPenilai.nip, year, nip) : {}),
      entity: 'SKP',
      ...s,
    };
  },
  evaluation: (e: StoredEvaluation): Item => ({
    ...keys.evaluation(e.nip, e.month),
    entity: 'EVALUATION',
    ...e,
  }),
  realization: (nip: string, r: StoredRealization): Item => ({
    ...keys.realization(nip, r.date, r.id),
    entity: 'REALIZATION',
    ...r,
  }),
  peerAsk: (a: PeerAsk): Item => ({
    ...keys.peerAsk(a.nip, a.month, a.raterNip),
    ...keys.peerAskIndexes(a.raterNip, a.month, a.nip),
    entity: 'PEER_ASK',
    ...a,
  }),
  peerRating: (nip: string, month: string, r: StoredPeerRating): Item => ({
    ...keys.peerRating(nip, month, r.raterNip),
    entity: 'PEER_RATING',
    ...r,
  }),
  attendanceEvent: (e: AttendanceEvent & { id: string }, importId: string): Item => ({
    ...keys.attendanceEvent(e.nip, e.date.slice(0, 7), e.id),
    entity: 'ATTENDANCE',
    nip: e.nip,
    date: e.date,
    time: e.time,
    type: e.type,
    importId,
  }),
  correction: (c: StoredCorrection): Item => ({
    ...keys.attendanceCorrection(c.nip, c.date),
    entity: 'ATTENDANCE_CORRECTION',
    ...c,
  }),
  leave: (l: StoredLeave): Item => ({ ...keys.leave(l.nip, l.from, l.kind), entity: 'LEAVE', ...l }),
  sanction: (s: StoredSanction): Item => ({
    ...keys.sanction(s.nip, s.startMonth, s.skNumber),
    entity: 'SANCTION',
    ...s,
  }),
  result: (r: StoredResult): Item => ({
    ...keys.monthlyResult(r.nip, r.month),
    ...keys.monthlyResultIndexes(r.month, r.opd, r.nip, r.detail.discipline.warnings.length > 0),
    entity: 'RESULT',
    ...r,
  }),
  calendar: (c: StoredCalendar): Item => ({ ...keys.workCalendar(c.year), entity: 'CALENDAR', ...c }),
  calendarVersion: (c: StoredCalendar): Item => ({
    ...keys.workCalendarVersion(c.year, c.version),
    entity: 'CALENDAR_VERSION',
    ...c,
  }),
  library: (e: StoredLibraryEntry): Item => ({
    ...keys.libraryEntry(e.template.key),
    entity: 'LIBRARY',
    ...e,
  }),
  publicSatisfaction: (month: string, score: IkmScore & { service: string }, at: string): Item => ({
    ...keys.publicSatisfaction(month, score.unitId, score.service),
    entity: 'UNIT_SCORE',
    kind: 'IKM',
    score,
    at,
  }),
  teamResult: (month: string, score: TeamResult, at: string): Item => ({
    ...keys.teamResult(month, score.unitId),
    entity: 'UNIT_SCORE',
    kind: 'TEAM',
    score,
    at,
  }),
  /**
   * The payroll run's marker (same shape as the employee repository writes): a corrected result of a
   * paid month makes the next run recompute that month and pay the difference.
   */
  correctionMarker: (nip: string, month: string, at: string): Item => ({
    ...keys.correctionMarker(nip),
    entity: 'CORRECTION_MARKER',
    since: month,
    at,
  }),
};

export const parse = {
  skp: (item: Item) => strip(item) as unknown as StoredSkp,
  evaluation: (item: Item) => strip(item) as unknown as StoredEvaluation,
  realization: (item: Item) => strip(item) as unknown as StoredRealization,
  peerAsk: (item: Item) => strip(item) as unknown as PeerAsk,
  peerRating: (item: Item) => strip(item) as unknown as StoredPeerRating,
  correction: (item: Item) => strip(item) as unknown as StoredCorrection,
  leave: (item: Item) => strip(item) as unknown as StoredLeave,
  sanction: (item: Item) => strip(item) as unknown as StoredSanction,
  result: (item: Item) => strip(item) as unknown as StoredResult,
  calendar: (item: Item) => strip(item) as unknown as StoredCalendar,
  library: (item: Item) => strip(item) as unknown as StoredLibraryEntry,
  event: (item: Item): AttendanceEvent => ({
    nip: String(item.nip),
    date: String(item.date),
    time: String(item.time),
    type: item.type as AttendanceEvent['type'],
  }),
  employee: (item: Record<string, unknown>): StoredEmployee => ({
    identity: item.identity as StoredEmployee['identity'],
    current: item.current as StoredEmployee['current'],
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
  }),
};

/** The inputs of one employee-month, read with one Query (keys.monthInputs). */
export interface MonthBundle {
  evaluation?: StoredEvaluation;
  peerAsks: PeerAsk[];
  peerRatings: StoredPeerRating[];
  events: AttendanceEvent[];
  corrections: StoredCorrection[];
}

/** Items are told apart by their `entity`, never by parsing keys. */
export function splitMonthBundle(items: readonly Item[]): MonthBundle {
  const bundle: MonthBundle = { peerAsks: [], peerRatings: [], events: [], corrections: [] };
  for (const item of items) {
    if (item.entity === 'EVALUATION') bundle.evaluation = parse.evaluation(item);
    else if (item.entity === 'PEER_ASK') bundle.peerAsks.push(parse.peerAsk(item));
    else if (item.entity === 'PEER_RATING') bundle.peerRatings.push(parse.peerRating(item));
    else if (item.entity === 'ATTENDANCE') bundle.events.push(parse.event(item));
    else if (item.entity === 'ATTENDANCE_CORRECTION') bundle.corrections.push(parse.correction(item));
  }
  return bundle;
}

export function splitDiscipline(items: readonly Item[]): {
  leaves: StoredLeave[];
  sanctions: StoredSanction[];
} {
  return {
    leaves: items.filter((i) => i.entity === 'LEAVE').map(parse.leave),
    sanctions: items.filter((i) => i.entity === 'SANCTION').map(parse.sanction),
  };
}
