import { formatNumber } from '../../format';

/**
 * Before/after of an audit record as rows a person reads: one row per changed field (dotted path,
 * arrays by position: `keluarga.anak.1.tanggalLahir`), with the value before and after. Unchanged
 * fields are left out; a field that appears has no "before", one that disappears no "after".
 */
export interface DiffRow {
  field: string;
  before?: string;
  after?: string;
}

type Leaves = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Leaves): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    out.set(prefix || '(nilai)', display(value));
    return;
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i + 1), v] as const)
    : Object.entries(value);
  if (entries.length === 0) {
    out.set(prefix || '(nilai)', Array.isArray(value) ? '[]' : '{}');
    return;
  }
  for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
}

function display(value: unknown): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  // Amounts and counts as users write them ("1.250.000.000"); codes and NIPs are strings already.
  if (typeof value === 'number' && Number.isFinite(value)) return formatNumber(value);
  return String(value);
}

export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, '', a);
  flatten(after, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const was = a.get(field);
    const now = b.get(field);
    if (was === now) continue;
    rows.push({
      field,
      ...(was !== undefined ? { before: was } : {}),
      ...(now !== undefined ? { after: now } : {}),
    });
  }
  return rows;
}
