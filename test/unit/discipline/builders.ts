import type { AttendanceEvent, ClassifyMonthInput } from '../../../core/discipline/attendance';
import type { AttendanceRules } from '../../../core/discipline/attendance-rules';
import type { HukumanDisiplinRecord } from '../../../core/discipline/sanctions';
import type { WorkCalendar, WorkPattern } from '../../../core/discipline/work-calendar';
import { demoAppraisalSettings } from '../../../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../../../core/performance/appraisal-settings';

export const NIP = '198503152010011002';

export type DemoTenant = keyof typeof demoAppraisalSettings;

export function settingsOf(tenant: DemoTenant = 'bantul', month = '2026-03') {
  return appraisalSettingsInForce(demoAppraisalSettings[tenant], month).value;
}

export function aCalendar(tenant: DemoTenant = 'bantul'): WorkCalendar {
  return settingsOf(tenant).workCalendar;
}

export function someRules(tenant: DemoTenant = 'bantul'): AttendanceRules {
  return settingsOf(tenant).attendance;
}

export function fiveDay(tenant: DemoTenant = 'bantul'): WorkPattern {
  return aCalendar(tenant).patterns.LIMA_HARI as WorkPattern;
}

export function sixDay(tenant: DemoTenant = 'bantul'): WorkPattern {
  return aCalendar(tenant).patterns.ENAM_HARI as WorkPattern;
}

/** Check-in and check-out punches for one day. */
export function punches(date: string, checkIn?: string, checkOut?: string, nip = NIP): AttendanceEvent[] {
  const events: AttendanceEvent[] = [];
  if (checkIn) events.push({ nip, date, time: checkIn, type: 'IN' });
  if (checkOut) events.push({ nip, date, time: checkOut, type: 'OUT' });
  return events;
}

export function aMonthInput(overrides: Partial<ClassifyMonthInput> = {}): ClassifyMonthInput {
  return {
    nip: NIP,
    month: '2026-01',
    calendar: aCalendar(),
    unit: 'SETDA/BAGIAN-UMUM',
    rules: someRules(),
    events: [],
    ...overrides,
  };
}

export function aSanction(overrides: Partial<HukumanDisiplinRecord> = {}): HukumanDisiplinRecord {
  return {
    nip: NIP,
    skNumber: '800/123/BKPSDM/2026',
    level: 'SEDANG',
    jenis: 'POTONGAN_TUNJANGAN_25_6_BULAN',
    startMonth: '2026-02',
    durationMonths: 6,
    ...overrides,
  };
}
