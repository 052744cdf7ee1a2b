import { Code, List, Text } from '@mantine/core';
import { IconCircleCheck, IconClock, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import { Chip } from '../../components/StatusChip';
import { formatDate, formatMonth, formatRupiah } from '../../format';
import { L } from '../../i18n/labels';

export const A = L.aturan;

/**
 * A parameter id in a console path: `tpp.ceilings` → `tpp-ceilings`. A dot would read as a file
 * extension to the static server; parameter ids have no dashes, so the way back is exact.
 */
export const parameterSlug = (parameterId: string) => parameterId.replace(/\./g, '-');
export const parameterFromSlug = (slug: string) => slug.replace(/-/g, '.');

export type RuleRow = Schema<'RulesInForce'>['rules'][number];
export type RuleChange = Schema<'RuleChange'>;
export type ChangeStatus = RuleChange['status'];

export const rulesKey = (id: 'tenant' | 'national', month: string) => ['rules', id, month] as const;

/** The rules of one ruleset in force in a month (tenant from its table, national from the files). */
export function useRules(id: 'tenant' | 'national', month: string) {
  return useQuery({
    queryKey: rulesKey(id, month),
    queryFn: () => ok(api.GET('/rulesets/{id}', { params: { path: { id }, query: { month } } })),
  });
}

export function useRuleChanges() {
  return useQuery({ queryKey: ['ruleChanges'], queryFn: () => ok(api.GET('/rule-changes')) });
}

/** Months around the tenant's current one, newest first, for "in force in …" and previews. */
export function monthOptions(current: string, back = 24, ahead = 12) {
  const [y, m] = current.split('-').map(Number) as [number, number];
  const out: { value: string; label: string }[] = [];
  for (let d = ahead; d >= -back; d--) {
    const t = y * 12 + (m - 1) + d;
    const value = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
    out.push({ value, label: formatMonth(value) });
  }
  return out;
}

const STATUS_CHIPS = {
  PROPOSED: { color: 'yellow', icon: <IconClock size={14} aria-hidden /> },
  APPROVED: { color: 'green', icon: <IconCircleCheck size={14} aria-hidden /> },
  REJECTED: { color: 'red', icon: <IconX size={14} aria-hidden /> },
} as const;

export function ChangeStatusChip(props: { status: ChangeStatus }) {
  const c = STATUS_CHIPS[props.status];
  return <Chip color={c.color} icon={c.icon} label={A.status[props.status]} />;
}

export function confidenceLabel(c: string): string {
  return (A.confidence as Record<string, string>)[c] ?? c;
}

/** "Perbup 7/2026, Pasal 5, 30 Juni 2026" */
export function sourceText(s: { regulation: string; article?: string; date?: string; document?: string }) {
  return [s.regulation, s.article, s.date ? formatDate(s.date) : undefined].filter(Boolean).join(', ');
}

/** A scalar as a person reads it: rupiah-looking integers grouped, booleans Ya/Tidak. */
export function scalarText(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return '(kosong)';
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) >= 1000 ? formatRupiah(v) : String(v).replace('.', ',');
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A short summary of a rule value for a table cell; the whole value is on the history page. */
export function valueSummary(v: unknown): string {
  if (v === null || typeof v !== 'object') return scalarText(v);
  if (Array.isArray(v)) return `${v.length} baris`;
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.every(([, x]) => x === null || typeof x !== 'object')) {
    return entries.map(([k, x]) => `${k}: ${scalarText(x)}`).join(' · ');
  }
  if ('byKelas' in (v as object))
    return `${Object.keys((v as { byKelas: object }).byKelas).length} kelas jabatan`;
  return entries.map(([k]) => k).join(', ');
}

export interface Difference {
  path: string;
  before?: unknown;
  after?: unknown;
}

function leaves(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [prefix === '' ? k : `.${k}`, v] as const);
    for (const [k, v] of entries) leaves(v, `${prefix}${k}`, out);
    return;
  }
  out.set(prefix, value);
}

/** Leaf by leaf, like the API's history diff (`byKelas.7.BK`). */
export function diffValues(before: unknown, after: unknown): Difference[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: Difference[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (JSON.stringify(a.get(path)) === JSON.stringify(b.get(path))) continue;
    out.push({ path: path || '(nilai)', before: a.get(path), after: b.get(path) });
  }
  return out;
}

export function DiffList(props: { diff: readonly Difference[]; empty: string }) {
  if (props.diff.length === 0) return <Text size="sm">{props.empty}</Text>;
  return (
    <List size="sm" spacing={2}>
      {props.diff.map((d) => (
        <List.Item key={d.path}>
          <Code>{d.path}</Code>: {scalarText(d.before)} → <strong>{scalarText(d.after)}</strong>
        </List.Item>
      ))}
    </List>
  );
}
