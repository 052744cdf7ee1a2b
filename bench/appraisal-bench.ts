import { pathToFileURL } from 'node:url';
import { type AttendanceEvent, classifyMonth } from '../core/discipline/attendance';
import { type AttendanceImportRow, validateAttendanceRows } from '../core/discipline/attendance-import';
import { disciplineSummary } from '../core/discipline/discipline-summary';
import { workingDays } from '../core/discipline/work-calendar';
import { demoAppraisalSettings } from '../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../core/performance/appraisal-settings';
import { monthlyEvaluation } from '../core/performance/monthly-evaluation';
import type { Realization } from '../core/performance/progress';
import { BERAKHLAK_KEYS, type Skp } from '../core/performance/skp';

/**
 * Appraisal/discipline throughput on DEMO data: (1) a 5,000-row attendance import validated and
 * classified, (2) monthly results — performance and discipline summary — for 1,000 employees.
 * Data is generated from a fixed seed, so runs are comparable.
 */
const MONTH = '2026-03';
const settings = appraisalSettingsInForce(demoAppraisalSettings.bukitintan, MONTH).value;
const calendar = settings.workCalendar;
const days = workingDays(calendar, 'SETDA/UMUM', MONTH);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Valid, distinct NIPs: same birth date and TMT, gender digit and sequence vary (up to 1,998). */
const nips = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `19850315201001${1 + (i % 2)}${String(Math.floor(i / 2) + 1).padStart(3, '0')}`,
  );

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

function monthOfPunches(nip: string, random: () => number): AttendanceImportRow[] {
  const rows: AttendanceImportRow[] = [];
  for (const day of days) {
    if (random() < 0.04) continue; // an absent day
    const late = random() < 0.15 ? Math.floor(random() * 120) : -Math.floor(random() * 20);
    rows.push({ nip, timestamp: `${day.date} ${clock(8 * 60 + late)}`, type: 'IN' });
    rows.push({
      nip,
      timestamp: `${day.date} ${clock(15 * 60 + 5 - (random() < 0.1 ? 45 : 0))}`,
      type: 'OUT',
    });
  }
  return rows;
}

function groupByNip(events: readonly AttendanceEvent[]): Map<string, AttendanceEvent[]> {
  const map = new Map<string, AttendanceEvent[]>();
  for (const e of events) {
    const list = map.get(e.nip);
    if (list) list.push(e);
    else map.set(e.nip, [e]);
  }
  return map;
}

function skpFor(nip: string): Skp {
  return {
    id: `skp-${nip}`,
    revision: 1,
    nip,
    year: 2026,
    opd: 'SETDA',
    jabatan: { nama: 'Pengadministrasi Umum' },
    pejabatPenilai: { nip: '197801012005011003' },
    results: [
      {
        id: 'r1',
        jenis: 'UTAMA',
        description: 'Administrasi',
        indicators: [
          {
            id: 'i1',
            description: 'Dokumen',
            target: { aspect: 'KUANTITAS', value: 1200, unit: 'dokumen' },
            direction: 'HIGHER_IS_BETTER',
            aggregation: 'SUM',
            weightPercent: 50,
          },
          {
            id: 'i2',
            description: 'Waktu',
            target: { aspect: 'WAKTU', value: 3, unit: 'HARI' },
            direction: 'LOWER_IS_BETTER',
            aggregation: 'AVERAGE',
            weightPercent: 30,
          },
          {
            id: 'i3',
            description: 'Kualitas',
            target: { aspect: 'KUALITAS', percent: 95 },
            direction: 'HIGHER_IS_BETTER',
            aggregation: 'AVERAGE',
            weightPercent: 20,
          },
        ],
      },
    ],
    perilaku: Object.fromEntries(BERAKHLAK_KEYS.map((k) => [k, { ekspektasiKhusus: '' }])) as Skp['perilaku'],
    status: 'DISETUJUI',
    approvedBy: '197801012005011003',
    approvedAt: '2026-01-10',
    history: [],
  };
}

function realizationsFor(random: () => number): Realization[] {
  return days.flatMap((d) => [
    { indicatorId: 'i1', date: d.date, value: Math.floor(random() * 10) },
    { indicatorId: 'i2', date: d.date, value: 1 + Math.floor(random() * 5) },
    { indicatorId: 'i3', date: d.date, value: 80 + Math.floor(random() * 20) },
  ]);
}

export interface AppraisalBenchResult {
  readonly importRows: number;
  readonly importErrors: number;
  readonly importMs: number;
  readonly employees: number;
  readonly monthlyMs: number;
}

export function runAppraisalBench(): AppraisalBenchResult {
  const random = rng(20_260_301);

  // (1) 5,000-row import: validate, then classify each employee's month.
  const importNips = nips(170);
  const rows = importNips.flatMap((nip) => monthOfPunches(nip, random)).slice(0, 5_000);
  const t0 = performance.now();
  const imported = validateAttendanceRows(rows);
  for (const [nip, events] of groupByNip(imported.events)) {
    classifyMonth({ nip, month: MONTH, calendar, unit: 'SETDA/UMUM', rules: settings.attendance, events });
  }
  const importMs = performance.now() - t0;

  // (2) 1,000 employees: performance evaluation + discipline summary.
  const staff = nips(1_000);
  const inputs = staff.map((nip) => ({
    nip,
    events: validateAttendanceRows(monthOfPunches(nip, random)).events,
    skp: skpFor(nip),
    realizations: realizationsFor(random),
  }));
  const t1 = performance.now();
  for (const input of inputs) {
    monthlyEvaluation({
      nip: input.nip,
      month: MONTH,
      settings,
      skpRevisions: [input.skp],
      assessment: { kind: 'NUMERIC', evaluatorNip: '197801012005011003', assessedAt: '2026-04-02' },
      realizations: input.realizations,
      publicSatisfaction: [{ unitId: 'SETDA/UMUM', score: 82, respondents: 120 }],
    });
    const attendance = classifyMonth({
      nip: input.nip,
      month: MONTH,
      calendar,
      unit: 'SETDA/UMUM',
      rules: settings.attendance,
      events: input.events,
    });
    disciplineSummary({ attendance, leaves: [], sanctions: [], tkDaysEarlierThisYear: 2 });
  }
  const monthlyMs = performance.now() - t1;

  return {
    importRows: rows.length,
    importErrors: imported.errors.length,
    importMs,
    employees: staff.length,
    monthlyMs,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = runAppraisalBench();
  console.log(
    `attendance import: ${r.importRows} rows validated + classified in ${r.importMs.toFixed(1)} ms (${r.importErrors} errors)`,
  );
  console.log(
    `monthly results: ${r.employees} employees (performance + discipline) in ${r.monthlyMs.toFixed(1)} ms`,
  );
}
