import * as z from 'zod';
import type { Confidence, Parameter, ParameterVersion, Source } from './parameter';
import { formatPath } from './parse-document';
import type { TenantRuleset } from './tenant-ruleset';
import { type TenantParameterId, tenantValueSchemas } from './tenant-schema';

/**
 * A tenant's change of its own rules (an amendment of its Perkada): new versions of one or more
 * parameters from one date, with the regulation they implement. Proposed by one authorised user and
 * approved or rejected by another; an approved change is never edited again, only superseded.
 */
export const RULE_CHANGE_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type RuleChangeStatus = (typeof RULE_CHANGE_STATUSES)[number];

export interface RuleChangeProposal {
  readonly title: string;
  readonly source: {
    readonly regulation: string;
    readonly article?: string;
    /** The regulation's date (YYYY-MM-DD). */
    readonly date: string;
    /** Where an uploaded copy is kept (e.g. the Perbup PDF's object key), optional. */
    readonly document?: string;
  };
  /** First day the new values are in force (YYYY-MM-DD); pay months from the first one starting on or after it. */
  readonly effectiveFrom: string;
  readonly confidence: Confidence;
  /** Why rules change for months already locked (paid); required exactly then. */
  readonly retroactiveReason?: string;
  readonly changes: ReadonlyArray<{ readonly parameterId: string; readonly value: unknown }>;
}

export interface RuleChange extends RuleChangeProposal {
  readonly id: string;
  readonly status: RuleChangeStatus;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  /** The rejection's note, or the approver's remark. */
  readonly note?: string;
  /** Approval order (1, 2, …): approved changes apply in this order over the seed. */
  readonly seq?: number;
}

export interface ChangeIssue {
  /** Path inside the proposal, e.g. `changes[0].value.byKelas.18`. */
  readonly path: string;
  readonly message: string;
}

/** The first pay month in which a version from this date is in force (versions apply from a month's first day). */
export function firstMonthInForce(from: string): string {
  const month = from.slice(0, 7);
  if (from.endsWith('-01')) return month;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The schema messages of the ruleset files are English (the files are reviewed by developers); a tenant reads Indonesian. */
const MESSAGES: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^a rate must be between 0 and 100 percent$/, () => 'persentase harus antara 0 dan 100'],
  [/^a rate may have at most two decimals/, () => 'persentase paling banyak dua angka desimal'],
  [/^rupiah amounts are integers$/, () => 'jumlah rupiah harus bilangan bulat'],
  [/^kelas jabatan must be 1–17$/, () => 'kelas jabatan tidak ada: hanya kelas 1–17'],
  [
    /^kelas jabatan (\d+) is missing$/,
    (m) => `kelas jabatan ${m[1]} tidak ada; setiap kelas 1–17 harus diisi`,
  ],
  [/^part weights must add up to 100 percent$/, () => 'bobot komponen harus berjumlah 100 persen'],
  [/^duplicate (.+) (\S+)$/, (m) => `${m[2]} muncul dua kali (${m[1]})`],
  [/^attendance codes are UPPER_SNAKE$/, () => 'kode kehadiran berhuruf besar, angka, dan garis bawah'],
  [/^only the last band is open \(null\)$/, () => 'hanya pita terakhir yang boleh terbuka (tanpa batas)'],
  [/^bands must be ascending$/, () => 'pita harus naik berurutan'],
];

function indonesianMessage(message: string): string {
  for (const [pattern, text] of MESSAGES) {
    const match = message.match(pattern);
    if (match) return text(match);
  }
  return message;
}

const parseInIndonesian = { error: z.locales.id().localeError };

/**
 * Every problem of a proposal against the value schemas of today's ruleset files and the tenant's
 * locked months, each named by its path (parameter and field) with an Indonesian reason. Empty when the
 * proposal may be stored. The envelope (title, dates, lengths) is checked at the edge.
 */
export function validateProposal(
  proposal: RuleChangeProposal,
  context: { readonly lockedMonths: readonly string[]; readonly labels: ReadonlyMap<string, string> },
): ChangeIssue[] {
  const issues: ChangeIssue[] = [];
  const seen = new Set<string>();
  proposal.changes.forEach((change, i) => {
    const where = `changes[${i}]`;
    if (!Object.hasOwn(tenantValueSchemas, change.parameterId)) {
      issues.push({
        path: `${where}.parameterId`,
        message: `parameter ${change.parameterId} tidak dikenal; aturan tenant: ${Object.keys(tenantValueSchemas).join(', ')}`,
      });
      return;
    }
    if (seen.has(change.parameterId)) {
      issues.push({
        path: `${where}.parameterId`,
        message: `${change.parameterId} diubah dua kali dalam satu usulan`,
      });
      return;
    }
    seen.add(change.parameterId);
    const schema = tenantValueSchemas[change.parameterId as TenantParameterId];
    const parsed = schema.safeParse(change.value, parseInIndonesian);
    if (parsed.success) return;
    const label = context.labels.get(change.parameterId) ?? change.parameterId;
    for (const issue of parsed.error.issues) {
      const rest = formatPath(issue.path);
      issues.push({
        path:
          rest === ''
            ? `${where}.value`
            : rest.startsWith('[')
              ? `${where}.value${rest}`
              : `${where}.value.${rest}`,
        message: `${label} (${change.parameterId}): ${indonesianMessage(issue.message)}`,
      });
    }
  });
  const locked = lockedMonthsAffected(proposal.effectiveFrom, context.lockedMonths);
  if (locked.length > 0 && !proposal.retroactiveReason?.trim()) {
    issues.push({
      path: 'retroactiveReason',
      message: `berlaku mulai ${proposal.effectiveFrom}, sebelum bulan yang sudah dikunci (${locked.join(', ')}): alasan perubahan surut wajib diisi; selisihnya dibayar sebagai kekurangan/kelebihan pada run berikutnya`,
    });
  }
  return issues;
}

/** Locked (paid) months the change would reach back into, ascending. */
export function lockedMonthsAffected(effectiveFrom: string, lockedMonths: readonly string[]): string[] {
  const first = firstMonthInForce(effectiveFrom);
  return [...new Set(lockedMonths.filter((m) => m >= first))].sort();
}

function versionOf(change: RuleChange, value: unknown): ParameterVersion<unknown> {
  const source: Source = {
    regulation: change.source.regulation,
    ...(change.source.article ? { article: change.source.article } : {}),
    refs: [],
    date: change.source.date,
    ...(change.source.document ? { document: change.source.document } : {}),
  };
  return { from: change.effectiveFrom, value, source, confidence: change.confidence, note: change.title };
}

/**
 * The tenant's rules: its seed with every approved change applied in approval order. A version on the
 * same date as an earlier one supersedes it; versions on other dates sit beside each other by date, so a
 * month keeps the version in force on its first day.
 */
export function applyApprovedChanges(seed: TenantRuleset, changes: readonly RuleChange[]): TenantRuleset {
  const approved = changes.filter((c) => c.status === 'APPROVED').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (approved.length === 0) return seed;
  const parameters: Record<string, Parameter<unknown>> = { ...seed.parameters };
  for (const change of approved) {
    for (const { parameterId, value } of change.changes) {
      const schema = tenantValueSchemas[parameterId as TenantParameterId];
      const current = parameters[parameterId];
      if (!schema || !current)
        throw new Error(`approved change ${change.id}: unknown parameter ${parameterId}`);
      // Stored values passed this schema when proposed and approved; parsing again yields the same
      // normalised value the files give (defaults, key order), so equal rules hash equally.
      const parsed = schema.parse(value);
      const versions = current.versions
        .filter((v) => v.from !== change.effectiveFrom)
        .concat(versionOf(change, parsed))
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      parameters[parameterId] = { ...current, versions };
    }
  }
  return { ...seed, parameters };
}

export interface HistoryEntry {
  readonly from: string;
  readonly value: unknown;
  readonly source: Source;
  readonly confidence: Confidence;
  readonly note?: string;
  readonly followsExample?: string;
  /** SEED: from the repository file the tenant started with; CHANGE: an approved or pending change. */
  readonly origin: 'SEED' | 'CHANGE';
  readonly status: RuleChangeStatus;
  readonly changeId?: string;
  readonly title?: string;
  readonly proposedBy?: string;
  readonly proposedAt?: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly retroactiveReason?: string;
  /** A later approved version with the same date replaced this one. */
  readonly superseded: boolean;
  /** What differs from the version before it in force (the previous date), leaf by leaf. */
  readonly diff: readonly ValueDifference[];
}

export interface ValueDifference {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [prefix === '' ? k : `.${k}`, v] as const);
    if (entries.length === 0) out.set(prefix, value);
    for (const [key, v] of entries) leaves(v, `${prefix}${key}`, out);
    return;
  }
  out.set(prefix, value);
}

/** Leaf-by-leaf difference of two values (`byKelas.7.BK: 1750000 → 1900000`). */
export function valueDiff(before: unknown, after: unknown): ValueDifference[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: ValueDifference[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push({
      path: path || '(nilai)',
      ...(a.has(path) ? { before: x } : {}),
      ...(b.has(path) ? { after: y } : {}),
    });
  }
  return out;
}

/**
 * Every dated version of one parameter: the seed's, then each change touching it (approved in approval
 * order, then pending and rejected ones), sorted by date. Each approved version carries its difference
 * to the version in force just before its date; a pending one its difference to what it would replace.
 */
export function parameterHistory(
  seed: TenantRuleset,
  changes: readonly RuleChange[],
  parameterId: string,
): HistoryEntry[] | undefined {
  const seedParameter = seed.parameters[parameterId];
  if (!seedParameter) return undefined;
  const entries: Omit<HistoryEntry, 'diff' | 'superseded'>[] = seedParameter.versions.map((v) => ({
    from: v.from,
    value: v.value,
    source: v.source,
    confidence: v.confidence,
    ...(v.note === undefined ? {} : { note: v.note }),
    ...(v.followsExample === undefined ? {} : { followsExample: v.followsExample }),
    origin: 'SEED',
    status: 'APPROVED',
  }));
  const order = (c: RuleChange) =>
    c.status === 'APPROVED' ? (c.seq ?? 0) : c.status === 'PROPOSED' ? 1e9 : 2e9;
  for (const change of [...changes].sort(
    (a, b) => order(a) - order(b) || (a.proposedAt < b.proposedAt ? -1 : 1),
  )) {
    const mine = change.changes.find((c) => c.parameterId === parameterId);
    if (!mine) continue;
    const version = versionOf(change, mine.value);
    entries.push({
      ...version,
      origin: 'CHANGE',
      status: change.status,
      changeId: change.id,
      title: change.title,
      proposedBy: change.proposedBy,
      proposedAt: change.proposedAt,
      ...(change.decidedBy ? { decidedBy: change.decidedBy, decidedAt: change.decidedAt } : {}),
      ...(change.retroactiveReason ? { retroactiveReason: change.retroactiveReason } : {}),
    });
  }
  // Approved entries in application order: a later one on the same date supersedes an earlier one.
  const live: (Omit<HistoryEntry, 'diff' | 'superseded'> & { index: number })[] = [];
  const superseded = new Set<number>();
  entries.forEach((e, index) => {
    if (e.status !== 'APPROVED') return;
    const same = live.findIndex((l) => l.from === e.from);
    if (same >= 0) {
      superseded.add(live[same]!.index);
      live.splice(same, 1);
    }
    live.push({ ...e, index });
  });
  const before = (e: { from: string }, self: number) =>
    live
      .filter((l) => l.index !== self && l.from < e.from)
      .sort((a, b) => (a.from < b.from ? -1 : 1))
      .at(-1);
  const sameDate = (e: { from: string }, self: number) =>
    live.find((l) => l.index !== self && l.from === e.from);
  return entries
    .map((e, index) => {
      const previous = e.status === 'APPROVED' ? before(e, index) : (sameDate(e, index) ?? before(e, index));
      return {
        ...e,
        superseded: superseded.has(index),
        diff: previous ? valueDiff(previous.value, e.value) : [],
      };
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** The tenant parameters and their labels, from a ruleset (the seed names them). */
export function parameterLabels(ruleset: TenantRuleset): Map<string, string> {
  return new Map(Object.values(ruleset.parameters).map((p) => [p.id, p.label]));
}
