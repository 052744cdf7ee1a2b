import { type AuditEntry, auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { canWriteRow, payListOpds, payReadBasis } from '../auth/scope';
import { DomainError, notFound } from '../errors';
import {
  type DeductionEntry,
  type DeductionEntryInput,
  type DeductionRegister,
  type DeductionType,
  deductionEntryInput,
  deductionTypesBody,
  type EmployeeDeductions,
} from './model';
import { lastMonthOf, monthlyDueOf, typeInForce } from './schedule';

/**
 * The deduction register's use cases: the tenant's types and policy (BKPSDM), and each employee's
 * entries (the operator of the employee's OPD, BKPSDM). Every write is versioned and leaves its audit
 * record in the same transaction (the store's job); the checks that need the types or the employee
 * (unknown type, an instalment past tmtEnd) are here, each a 4xx naming the field.
 */

export interface DeductionEmployee {
  nip: string;
  nama: string;
  opd: string;
  tmtStart: string;
  tmtEnd?: string;
}

export interface DeductionStore {
  getRegister(): Promise<DeductionRegister>;
  /** Conditional on the version read (0: none yet); a stale version is a 409 naming expectedVersion. */
  putRegister(register: DeductionRegister, expectedVersion: number, audit: AuditEntry): Promise<void>;
  getEmployee(nip: string): Promise<EmployeeDeductions | undefined>;
  putEmployee(d: EmployeeDeductions, expectedVersion: number, audit: AuditEntry): Promise<void>;
  list(
    opd: string | undefined,
    limit: number,
    nextToken?: string,
  ): Promise<{ items: EmployeeDeductions[]; nextToken?: string }>;
  employee(nip: string): Promise<DeductionEmployee | undefined>;
  employees(nips: readonly string[]): Promise<Map<string, DeductionEmployee>>;
}

export interface DeductionDeps {
  store: DeductionStore;
  now: string;
  requestId: string;
  /** A new entry id (random at the edge; core has no randomness). */
  newId: () => string;
  /** The tenant's current month (YYYY-MM), for the monthly amount shown beside an entry. */
  currentMonth: string;
}

const invalid = (message: string, path: string, reason: string) =>
  new DomainError('INVALID', 'VALIDATION_FAILED', message, [{ path, message: reason }]);

export async function getTypes(deps: DeductionDeps): Promise<DeductionRegister> {
  return deps.store.getRegister();
}

export async function putTypes(
  body: { expectedVersion: number; types: unknown; policy: unknown },
  principal: Principal,
  deps: DeductionDeps,
): Promise<DeductionRegister> {
  const parsed = deductionTypesBody.safeParse({ types: body.types, policy: body.policy });
  if (!parsed.success) {
    throw new DomainError(
      'INVALID',
      'VALIDATION_FAILED',
      'Jenis potongan tidak valid',
      parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    );
  }
  const before = await deps.store.getRegister();
  if (before.version !== body.expectedVersion) throw staleRegister(body.expectedVersion);
  const next: DeductionRegister = {
    types: parsed.data.types as DeductionType[],
    policy: parsed.data.policy,
    version: before.version + 1,
    updatedAt: deps.now,
    updatedBy: principal.sub,
  };
  await deps.store.putRegister(
    next,
    body.expectedVersion,
    auditEntry(principal, {
      entityType: 'deduction-types',
      entityId: 'tenant',
      action: before.version === 0 ? 'CREATE' : 'UPDATE',
      at: deps.now,
      requestId: deps.requestId,
      before: before.version === 0 ? undefined : { types: before.types, policy: before.policy },
      after: { types: next.types, policy: next.policy },
    }),
  );
  return next;
}

export const staleRegister = (expected: number) =>
  new DomainError(
    'CONFLICT',
    'VERSION_CONFLICT',
    'Data telah diubah pengguna lain; muat ulang lalu coba lagi',
    [{ path: 'body.expectedVersion', message: `versi ${expected} sudah tidak berlaku` }],
  );

/** The employee as the caller may read their deductions: staff of their OPD, tenant-wide roles, themselves. */
async function readableEmployee(nip: string, principal: Principal, deps: DeductionDeps) {
  const employee = await deps.store.employee(nip);
  if (!employee || !payReadBasis(principal, { nip, opd: employee.opd })) {
    throw notFound('Pegawai tidak ditemukan');
  }
  return employee;
}

export interface EntryView extends DeductionEntry {
  typeName?: string;
  layer?: DeductionType['layer'];
  /** What a full month asks for in the current month (fixed or instalment); absent for percent items. */
  monthlyDue?: number;
  /** Last month the entry asks for money (instalments: start + tenor − 1). */
  lastMonth?: string;
}

export function entryView(entry: DeductionEntry, types: readonly DeductionType[], month: string): EntryView {
  const type =
    types.find((t) => t.code === entry.typeCode && typeInForce(t, month)) ??
    types.find((t) => t.code === entry.typeCode);
  const due = monthlyDueOf(entry, month);
  const last = lastMonthOf(entry);
  return {
    ...entry,
    ...(type ? { typeName: type.name, layer: type.layer } : {}),
    ...(due !== undefined ? { monthlyDue: due } : {}),
    ...(last ? { lastMonth: last } : {}),
  };
}

export async function getEmployeeDeductions(nip: string, principal: Principal, deps: DeductionDeps) {
  const employee = await readableEmployee(nip, principal, deps);
  const [stored, register] = await Promise.all([deps.store.getEmployee(nip), deps.store.getRegister()]);
  return {
    nip,
    nama: employee.nama,
    opd: employee.opd,
    entries: (stored?.entries ?? []).map((e) => entryView(e, register.types, deps.currentMonth)),
    version: stored?.version ?? 0,
  };
}

/**
 * The checks of an entry that need the tenant's types and the employee: a known, active type in force
 * at the start month; a percent item has a rate and a base (its own or its type's); the entry starts no
 * earlier than the employee's TMT and an instalment or an end month does not run past tmtEnd.
 */
export function checkEntry(
  entry: DeductionEntryInput,
  types: readonly DeductionType[],
  employee: DeductionEmployee,
  path = 'body.entry',
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const type =
    types.find((t) => t.code === entry.typeCode && typeInForce(t, entry.startMonth)) ??
    types.find((t) => t.code === entry.typeCode);
  if (!type) {
    issues.push({
      path: `${path}.typeCode`,
      message: `jenis potongan/kreditur ${entry.typeCode} tidak terdaftar${types.length ? `; pilihan: ${types.map((t) => t.code).join(', ')}` : ' (daftarkan jenis potongan lebih dahulu)'}`,
    });
    return issues;
  }
  if (!typeInForce(type, entry.startMonth)) {
    issues.push({
      path: `${path}.startMonth`,
      message: `jenis ${type.code} tidak berlaku pada ${entry.startMonth} (berlaku ${type.effectiveFrom}${type.effectiveTo ? `–${type.effectiveTo}` : ''}${type.active ? '' : ', nonaktif'})`,
    });
  }
  if (entry.kind === 'PERCENT' && (entry.percent ?? type.percent) === undefined) {
    issues.push({
      path: `${path}.percent`,
      message: `wajib diisi: jenis ${type.code} tidak punya persen bawaan`,
    });
  }
  if (entry.kind === 'PERCENT' && (entry.base ?? type.base) === undefined) {
    issues.push({
      path: `${path}.base`,
      message: `wajib diisi: jenis ${type.code} tidak punya dasar bawaan`,
    });
  }
  if (entry.startMonth < employee.tmtStart.slice(0, 7)) {
    issues.push({
      path: `${path}.startMonth`,
      message: `sebelum TMT pegawai (${employee.tmtStart})`,
    });
  }
  const last = lastMonthOf(entry);
  const endMonth = employee.tmtEnd?.slice(0, 7);
  if (endMonth && last && last > endMonth) {
    issues.push({
      path: entry.kind === 'INSTALMENT' ? `${path}.instalment.tenor` : `${path}.endMonth`,
      message: `angsuran/potongan berjalan sampai ${last}, melewati akhir masa kerja pegawai (tmtEnd ${employee.tmtEnd}); sesuaikan tenor atau bulan akhir`,
    });
  }
  if (endMonth && entry.status === 'AKTIF' && entry.startMonth > endMonth) {
    issues.push({
      path: `${path}.startMonth`,
      message: `setelah akhir masa kerja pegawai (${employee.tmtEnd})`,
    });
  }
  return issues;
}

async function writableEmployee(nip: string, principal: Principal, deps: DeductionDeps) {
  const employee = await deps.store.employee(nip);
  if (!employee || !payReadBasis(principal, { nip, opd: employee.opd })) {
    throw notFound('Pegawai tidak ditemukan');
  }
  if (!canWriteRow(principal, { nip, opd: employee.opd })) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${employee.opd} di luar cakupan Anda`);
  }
  return employee;
}

/** The entry as the model reads it, or a 400 naming every field (`body.entry.amount` …). */
export function parseEntry(raw: unknown, path: string): DeductionEntryInput {
  const parsed = deductionEntryInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: [path, ...i.path].join('.'), message: i.message }));
  throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Potongan tidak valid', issues);
}

/** Creates (entryId absent) or replaces one entry of an employee; audited with before/after. */
export async function saveEntry(
  nip: string,
  entryId: string | undefined,
  body: { expectedVersion: number; entry: unknown },
  principal: Principal,
  deps: DeductionDeps,
) {
  // Scope first: a caller outside it learns nothing, not even that the body is wrong.
  const employee = await writableEmployee(nip, principal, deps);
  const input = parseEntry(body.entry, 'body.entry');
  const [stored, register] = await Promise.all([deps.store.getEmployee(nip), deps.store.getRegister()]);
  const version = stored?.version ?? 0;
  if (version !== body.expectedVersion) throw staleRegister(body.expectedVersion);
  const entries = stored?.entries ?? [];
  const existing = entryId ? entries.find((e) => e.id === entryId) : undefined;
  if (entryId && !existing) throw notFound('Potongan tidak ditemukan');
  const issues = checkEntry(input, register.types, employee);
  if (issues.length > 0) {
    throw new DomainError(
      'INVALID',
      'VALIDATION_FAILED',
      issues[0]?.message ?? 'Potongan tidak valid',
      issues,
    );
  }
  const entry: DeductionEntry = {
    ...input,
    id: existing?.id ?? deps.newId(),
    createdAt: existing?.createdAt ?? deps.now,
    createdBy: existing?.createdBy ?? principal.sub,
    updatedAt: deps.now,
    updatedBy: principal.sub,
  };
  const next: EmployeeDeductions = {
    nip,
    opd: employee.opd,
    entries: existing ? entries.map((e) => (e.id === entry.id ? entry : e)) : [...entries, entry],
    version: version + 1,
  };
  await deps.store.putEmployee(
    next,
    version,
    auditEntry(principal, {
      entityType: 'deduction',
      entityId: nip,
      action: existing ? 'UPDATE' : 'CREATE',
      at: deps.now,
      requestId: deps.requestId,
      before: existing,
      after: entry,
    }),
  );
  return {
    nip,
    nama: employee.nama,
    opd: employee.opd,
    entries: next.entries.map((e) => entryView(e, register.types, deps.currentMonth)),
    version: next.version,
  };
}

/** The register list: employees with entries, in the caller's OPDs (an operator names one of theirs). */
export async function listDeductions(
  query: { opd?: string; type?: string; limit: number; nextToken?: string },
  principal: Principal,
  deps: DeductionDeps,
) {
  const scope = payListOpds(principal);
  if (scope !== 'ALL') {
    if (!query.opd) throw invalid('Sebutkan OPD', 'query.opd', `wajib diisi; OPD Anda: ${scope.join(', ')}`);
    if (!scope.includes(query.opd)) {
      throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${query.opd} di luar cakupan Anda`);
    }
  }
  const page = await deps.store.list(query.opd, query.limit, query.nextToken);
  const [register, employees] = await Promise.all([
    deps.store.getRegister(),
    deps.store.employees(page.items.map((i) => i.nip)),
  ]);
  const items = page.items.flatMap((d) =>
    d.entries
      .filter((e) => !query.type || e.typeCode === query.type)
      .map((e) => ({
        nip: d.nip,
        nama: employees.get(d.nip)?.nama ?? '',
        opd: employees.get(d.nip)?.opd ?? d.opd,
        entry: entryView(e, register.types, deps.currentMonth),
      })),
  );
  return { items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
