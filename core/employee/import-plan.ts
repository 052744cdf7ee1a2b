import { type AuditEntry, auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { canWriteRow } from '../auth/scope';
import { stableStringify } from '../rulesets/ruleset-version';
import {
  type EmployeeIdentity,
  GOLONGAN_PNS,
  GOLONGAN_PPPK,
  TIMELINE_ASPECTS,
  type TimelineAspect,
  type Timelines,
} from './employee';
import type { ImportedEmployee } from './import-mapping';
import type { RowIssue } from './import-row';
import type { EmployeeWithTimelines, StoredEmployee } from './repository';
import { groupTimelines, latestValues, type TimelineEntry, type TimelineSet, valueAsOf } from './timeline';
import { IDENTITY_KEYS, redact } from './use-cases';

/**
 * What one valid import row does to the master: create the employee, update it with dated timeline
 * entries (TMT from the sheet), or nothing when the sheet says what is already stored. Pure: the stored
 * record, the known OPDs and the clock arrive as arguments.
 *
 * A value counts as unchanged when the one stored for its TMT is the same (or, without a TMT, the latest
 * one), so importing the same file twice writes nothing the second time: no entry, no audit record.
 */
export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECTED';

export interface RowOutcome {
  row: number;
  nip: string;
  action: RowAction;
  /** What changed: identity fields and timeline aspects. */
  changes?: string[];
}

export type EmployeeChange =
  | { kind: 'CREATE'; row: number; employee: StoredEmployee; timelines: TimelineEntry[]; audit: AuditEntry }
  | {
      kind: 'UPDATE';
      row: number;
      employee: StoredEmployee;
      expectedVersion: number;
      timelines: TimelineEntry[];
      audit: AuditEntry;
      backdatedFrom?: string;
    };

export interface PlanContext {
  principal: Principal;
  /** ISO timestamp of the import. */
  now: string;
  /** The import's date in the tenant's time zone: changes without a TMT start on the 1st of its month. */
  today: string;
  requestId: string;
  /** OPDs a row may name: the caller's own (operator) or those the tenant already has (see the use case). */
  knownOpds: ReadonlySet<string>;
  /** NIPs that exist in the file or the table, for the atasan check. */
  knownNips: ReadonlySet<string>;
  /** Audit reason of each change, naming the file. */
  reason: string;
}

export interface PlannedRow {
  outcome: RowOutcome;
  change?: EmployeeChange;
  issues: RowIssue[];
}

/** The sheet column that carries each aspect's TMT, for messages. */
const TMT_COLUMN: Record<TimelineAspect, string> = {
  pangkat: 'tmt_golongan',
  masaKerja: 'tmt_kgb_terakhir',
  jabatan: 'tmt_jabatan',
  penempatan: 'tmt_penempatan',
  keluarga: 'tmt_keluarga',
  kepegawaian: 'tmt_kedudukan',
};

const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

export function planImportRow(
  e: ImportedEmployee,
  stored: EmployeeWithTimelines | undefined,
  ctx: PlanContext,
): PlannedRow {
  const issues: RowIssue[] = [];
  const error = (field: string, message: string) =>
    issues.push({ row: e.row, nip: e.nip, field, message, severity: 'ERROR' });
  const warn = (field: string, message: string) =>
    issues.push({ row: e.row, nip: e.nip, field, message, severity: 'WARNING' });
  const rejected = (): PlannedRow => ({ outcome: { row: e.row, nip: e.nip, action: 'REJECTED' }, issues });

  const opd = e.penempatan.opd;
  if (!canWriteRow(ctx.principal, { nip: e.nip, opd })) {
    error('opd_kode', `OPD ${opd} di luar cakupan Anda (${ctx.principal.opds.join(', ') || 'tanpa OPD'})`);
  } else if (!ctx.knownOpds.has(opd)) {
    error(
      'opd_kode',
      `OPD ${opd} belum dikenal (belum ada pegawai maupun pagu TPP); periksa kodenya, atau sebutkan di newOpds bila memang OPD baru`,
    );
  }
  if (stored) {
    const storedOpd = stored.employee.current.penempatan.opd;
    if (!canWriteRow(ctx.principal, { nip: e.nip, opd: storedOpd })) {
      error('nip', `NIP ${e.nip} terdaftar di OPD ${storedOpd}, di luar OPD Anda`);
    }
  }
  const atasan = e.penempatan.atasanNip;
  if (atasan && !ctx.knownNips.has(atasan)) {
    warn('nip_atasan', `NIP atasan ${atasan} belum terdaftar (tidak ada di berkas maupun di SIGAP)`);
  }
  if (issues.some((i) => i.severity === 'ERROR')) return rejected();
  const result = stored ? planUpdate(e, stored, ctx, error, warn) : planCreate(e, ctx, error, warn);
  if (!result || issues.some((i) => i.severity === 'ERROR')) return rejected();
  return { ...result, issues };
}

type Report = (field: string, message: string) => void;

function identityOf(e: ImportedEmployee, base: EmployeeIdentity | undefined): EmployeeIdentity {
  const out: Record<string, unknown> = { ...(base ?? {}), nip: e.nip };
  for (const [k, v] of Object.entries(e.identity)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as unknown as EmployeeIdentity;
}

function planCreate(e: ImportedEmployee, ctx: PlanContext, error: Report, warn: Report) {
  if (e.keluarga.spouse === 'KEEP') {
    error(
      'nama_pasangan',
      'pegawai baru berstatus K: kolom nama_pasangan dan status_tunjangan_pasangan wajib ada',
    );
    return undefined;
  }
  const identity = identityOf(e, undefined);
  const start = identity.tmtStart;
  const k = e.kepegawaian;
  const status = k.value.status;
  if (status !== 'AKTIF' && !k.statusFrom) {
    warn('tmt_kedudukan', `kedudukan ${status} tanpa tmt_kedudukan: dicatat sejak TMT awal ${start}`);
  }
  const entry = <A extends TimelineAspect>(aspect: A, from: string | undefined, value: Timelines[A]) =>
    ({
      aspect,
      from: from && from > start ? from : start,
      value,
      recordedAt: ctx.now,
      recordedBy: ctx.principal.sub,
    }) as TimelineEntry;
  const keluarga: Timelines['keluarga'] = {
    statusKawin: e.keluarga.statusKawin,
    ...(e.keluarga.spouse ? { spouse: e.keluarga.spouse } : {}),
    children: e.keluarga.children === 'KEEP' ? [] : e.keluarga.children,
  };
  const penempatan: Timelines['penempatan'] = {
    opd: e.penempatan.opd,
    unit: e.penempatan.unit,
    ...(e.penempatan.atasanNip ? { atasanNip: e.penempatan.atasanNip } : {}),
  };
  const kepegawaian = kepegawaianHistory(k, start);
  const timelines: TimelineEntry[] = [
    entry('pangkat', e.pangkat.from, e.pangkat.value),
    entry('masaKerja', e.masaKerja.from, e.masaKerja.value),
    entry('jabatan', e.jabatan.from, e.jabatan.value),
    entry('penempatan', e.penempatan.from, penempatan),
    entry('keluarga', e.keluarga.from, keluarga),
    ...kepegawaian.map((h) => entry('kepegawaian', h.from, h.value)),
  ];
  // One entry per aspect, kepegawaian in date order: the latest values are at hand.
  const current: Timelines = {
    pangkat: e.pangkat.value,
    masaKerja: e.masaKerja.value,
    jabatan: e.jabatan.value,
    penempatan,
    keluarga,
    kepegawaian: (kepegawaian.at(-1) ?? { value: k.value }).value,
  };
  const employee: StoredEmployee = { identity, current, version: 1, createdAt: ctx.now, updatedAt: ctx.now };
  const audit = auditEntry(ctx.principal, {
    entityType: 'employee',
    entityId: e.nip,
    action: 'CREATE',
    at: ctx.now,
    requestId: ctx.requestId,
    after: redact({ ...identity, ...current }),
    reason: ctx.reason,
  });
  return {
    outcome: { row: e.row, nip: e.nip, action: 'CREATE' as const },
    change: { kind: 'CREATE' as const, row: e.row, employee, timelines, audit },
  };
}

/** A PNS created with a later TMT PNS was CPNS until then; a status with its own TMT starts there. */
function kepegawaianHistory(k: ImportedEmployee['kepegawaian'], start: string) {
  const events: { from: string; patch: Partial<Timelines['kepegawaian']> }[] = [];
  let value = { ...k.value };
  if (k.pnsFrom && k.pnsFrom > start && value.jenisAsn === 'PNS') {
    value = { ...value, jenisAsn: 'CPNS' };
    events.push({ from: k.pnsFrom, patch: { jenisAsn: 'PNS' } });
  }
  if (k.statusFrom && k.statusFrom > start && value.status !== 'AKTIF') {
    value = { ...value, status: 'AKTIF' };
    events.push({ from: k.statusFrom, patch: { status: k.value.status } });
  }
  const out = [{ from: start, value }];
  for (const ev of events.sort((a, b) => (a.from < b.from ? -1 : 1))) {
    value = { ...value, ...ev.patch };
    out.push({ from: ev.from, value });
  }
  return out;
}

function planUpdate(
  e: ImportedEmployee,
  stored: EmployeeWithTimelines,
  ctx: PlanContext,
  error: Report,
  warn: Report,
) {
  const before = stored.employee;
  const set = groupTimelines(stored.timelines);
  const latest = before.current;
  const identity = identityOf(e, before.identity);
  const changes = IDENTITY_KEYS.filter((k) => !same(identity[k], before.identity[k]));

  if (e.keluarga.spouse === 'KEEP' && !latest.keluarga.spouse) {
    error(
      'nama_pasangan',
      'status K tetapi belum ada data pasangan tersimpan: kolom nama_pasangan wajib ada',
    );
    return undefined;
  }
  const targets: { [A in TimelineAspect]: { value: Timelines[A]; from: string | undefined } } = {
    pangkat: e.pangkat,
    masaKerja: e.masaKerja,
    jabatan: { value: e.jabatan.value, from: e.jabatan.from },
    penempatan: {
      value: withOptional(
        { opd: e.penempatan.opd, unit: e.penempatan.unit },
        'atasanNip',
        e.penempatan.atasanNip === undefined
          ? latest.penempatan.atasanNip
          : (e.penempatan.atasanNip ?? undefined),
      ),
      from: e.penempatan.from,
    },
    keluarga: {
      value: withOptional(
        {
          statusKawin: e.keluarga.statusKawin,
          children: e.keluarga.children === 'KEEP' ? latest.keluarga.children : e.keluarga.children,
        } as Timelines['keluarga'],
        'spouse',
        e.keluarga.spouse === 'KEEP' ? latest.keluarga.spouse : e.keluarga.spouse,
      ),
      from: e.keluarga.from,
    },
    kepegawaian: {
      value: e.kepegawaian.value,
      from:
        latest.kepegawaian.jenisAsn !== e.kepegawaian.value.jenisAsn
          ? e.kepegawaian.pnsFrom
          : e.kepegawaian.statusFrom,
    },
  };
  const added: TimelineEntry[] = [];
  for (const aspect of TIMELINE_ASPECTS) {
    const { value, from } = targets[aspect];
    const entries = set[aspect] as TimelineEntry[];
    const inForce = from ? (valueAsOf(entries, from) ?? entries[0]?.value) : latest[aspect];
    if (same(inForce, value)) continue;
    let effective = from;
    if (!effective) {
      effective = firstOfMonth(ctx.today);
      warn(
        TMT_COLUMN[aspect],
        `${TMT_COLUMN[aspect]} kosong: perubahan ${aspect} dicatat berlaku mulai ${effective}`,
      );
    }
    if (effective < identity.tmtStart) {
      error(TMT_COLUMN[aspect], `TMT ${effective} sebelum TMT awal ${identity.tmtStart}`);
      continue;
    }
    const later = entries.filter((x) => x.from > (effective as string));
    if (later.length > 0) {
      warn(
        TMT_COLUMN[aspect],
        `riwayat ${aspect} tersimpan sudah berubah sesudah ${effective} (${later.map((x) => x.from).join(', ')}): dicatat sebagai riwayat, nilai terkini tetap`,
      );
    }
    added.push({
      aspect,
      from: effective,
      value,
      recordedAt: ctx.now,
      recordedBy: ctx.principal.sub,
    } as TimelineEntry);
    changes.push(aspect as never);
  }
  const outcome = { row: e.row, nip: e.nip };
  if (changes.length === 0) return { outcome: { ...outcome, action: 'UNCHANGED' as const } };

  const merged = [
    ...stored.timelines.filter((t) => !added.some((a) => a.aspect === t.aspect && a.from === t.from)),
    ...added,
  ];
  const current = latestValues(groupTimelines(merged) as TimelineSet);
  const allowed: readonly string[] = current.kepegawaian.jenisAsn === 'PPPK' ? GOLONGAN_PPPK : GOLONGAN_PNS;
  if (!allowed.includes(current.pangkat.golongan)) {
    error(
      'golongan',
      `golongan terkini ${current.pangkat.golongan} tidak berlaku untuk ${current.kepegawaian.jenisAsn}`,
    );
    return undefined;
  }
  const employee: StoredEmployee = {
    ...before,
    identity,
    current,
    version: before.version + 1,
    updatedAt: ctx.now,
  };
  const audit = auditEntry(ctx.principal, {
    entityType: 'employee',
    entityId: e.nip,
    action: 'UPDATE',
    at: ctx.now,
    requestId: ctx.requestId,
    before: redact({ ...before.identity, ...before.current }),
    after: redact({ ...identity, ...current }),
    reason: ctx.reason,
  });
  // A change dated before this month may alter pay already computed or paid (as updateEmployee does).
  const earliest = added.reduce<string | undefined>((m, a) => (!m || a.from < m ? a.from : m), undefined);
  const backdatedFrom = earliest && earliest < firstOfMonth(ctx.today) ? earliest : undefined;
  return {
    outcome: { ...outcome, action: 'UPDATE' as const, changes: changes as string[] },
    change: {
      kind: 'UPDATE' as const,
      row: e.row,
      employee,
      expectedVersion: before.version,
      timelines: merged,
      audit,
      ...(backdatedFrom ? { backdatedFrom } : {}),
    },
  };
}

function withOptional<T extends object, K extends string, V>(base: T, key: K, value: V | undefined): T {
  return value === undefined ? base : ({ ...base, [key]: value } as T);
}
