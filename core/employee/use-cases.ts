import { type AuditEntry, auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { canReadRow, canWriteRow, listScope, type ScopedRow } from '../auth/scope';
import { DomainError, notFound } from '../errors';
import {
  type EmployeeIdentity,
  type EmployeeView,
  GOLONGAN_PNS,
  GOLONGAN_PPPK,
  maskAccountNumber,
  TIMELINE_ASPECTS,
  type TimelineAspect,
  type Timelines,
} from './employee';
import { checkNitku } from './identity-numbers';
import type { EmployeeRepository, Page, StoredEmployee } from './repository';
import { groupTimelines, latestValues, type TimelineEntry, viewAsOf } from './timeline';

export interface UseCaseDeps {
  employees: EmployeeRepository;
  /** ISO timestamp of "now", from the edge: core has no clock. */
  now: string;
  requestId: string;
}

export type EmployeeInput = EmployeeIdentity & Timelines;

export interface EmployeePatch extends Partial<EmployeeIdentity>, Partial<Timelines> {
  expectedVersion: number;
  effectiveFrom?: string;
  reason?: string;
}

export const IDENTITY_KEYS = [
  'nama',
  'gelarDepan',
  'gelarBelakang',
  'nik',
  'alamat',
  'npwp',
  'nitku',
  'ptkpStatus',
  'bankAccount',
  'tmtStart',
  'tmtEnd',
] as const satisfies readonly (keyof EmployeeIdentity)[];

function rowOf(e: StoredEmployee): ScopedRow {
  return { nip: e.identity.nip, opd: e.current.penempatan.opd, atasanNip: e.current.penempatan.atasanNip };
}

/** What audit records and list responses carry: the account number never appears in full. */
export function redact<T extends { bankAccount?: EmployeeIdentity['bankAccount'] }>(value: T): T {
  if (!value.bankAccount) return value;
  return {
    ...value,
    bankAccount: { ...value.bankAccount, accountNumber: maskAccountNumber(value.bankAccount.accountNumber) },
  };
}

export function currentView(e: StoredEmployee, today: string): EmployeeView {
  return { ...e.identity, ...e.current, version: e.version, asOf: today };
}

function checkGolongan(current: Timelines): void {
  const jenis = current.kepegawaian.jenisAsn;
  const allowed: readonly string[] = jenis === 'PPPK' ? GOLONGAN_PPPK : GOLONGAN_PNS;
  if (!allowed.includes(current.pangkat.golongan)) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Golongan tidak sesuai jenis ASN', [
      {
        path: 'body.pangkat.golongan',
        message: `golongan ${current.pangkat.golongan} tidak berlaku untuk ${jenis}`,
      },
    ]);
  }
}

export async function createEmployee(input: EmployeeInput, principal: Principal, deps: UseCaseDeps) {
  const row = { nip: input.nip, opd: input.penempatan.opd, atasanNip: input.penempatan.atasanNip };
  if (!canWriteRow(principal, row)) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${row.opd} di luar cakupan Anda`);
  }
  const identity: EmployeeIdentity = Object.fromEntries(
    ['nip', ...IDENTITY_KEYS]
      .filter((k) => input[k as keyof EmployeeInput] !== undefined)
      .map((k) => [k, input[k as keyof EmployeeInput]]),
  ) as unknown as EmployeeIdentity;
  const current = Object.fromEntries(TIMELINE_ASPECTS.map((a) => [a, input[a]])) as unknown as Timelines;
  checkGolongan(current);
  // Registration records what is known from the start of service; later SKs add dated entries.
  const timelines: TimelineEntry[] = TIMELINE_ASPECTS.map((aspect) => ({
    aspect,
    from: input.tmtStart,
    value: current[aspect],
    recordedAt: deps.now,
    recordedBy: principal.sub,
  }));
  const employee: StoredEmployee = {
    identity,
    current,
    version: 1,
    createdAt: deps.now,
    updatedAt: deps.now,
  };
  const audit = auditEntry(principal, {
    entityType: 'employee',
    entityId: input.nip,
    action: 'CREATE',
    at: deps.now,
    requestId: deps.requestId,
    after: redact({ ...identity, ...current }),
  });
  await deps.employees.create(employee, timelines, audit);
  return currentView(employee, deps.now.slice(0, 10));
}

async function loadReadable(nip: string, principal: Principal, deps: UseCaseDeps) {
  const found = await deps.employees.getWithTimelines(nip);
  // Out of scope reads the same as absent: the status code must not reveal that a NIP exists.
  if (!found || !canReadRow(principal, rowOf(found.employee))) throw notFound('Pegawai tidak ditemukan');
  return found;
}

export async function getEmployee(
  nip: string,
  asOf: string | undefined,
  principal: Principal,
  deps: UseCaseDeps,
) {
  const { employee, timelines } = await loadReadable(nip, principal, deps);
  if (!asOf) return currentView(employee, deps.now.slice(0, 10));
  const view = viewAsOf(employee.identity, groupTimelines(timelines), employee.version, asOf);
  if (!view) throw notFound(`Pegawai belum bertugas pada ${asOf}`);
  return view;
}

export async function employeeHistory(nip: string, principal: Principal, deps: UseCaseDeps) {
  const { timelines } = await loadReadable(nip, principal, deps);
  const set = groupTimelines(timelines);
  return {
    nip,
    timelines: Object.fromEntries(
      TIMELINE_ASPECTS.map((a) => [
        a,
        set[a].map((e) => ({
          from: e.from,
          value: e.value,
          recordedAt: e.recordedAt,
          recordedBy: e.recordedBy,
        })),
      ]),
    ),
  };
}

export async function updateEmployee(
  nip: string,
  patch: EmployeePatch,
  principal: Principal,
  deps: UseCaseDeps,
) {
  const { employee, timelines } = await loadReadable(nip, principal, deps);
  if (!canWriteRow(principal, rowOf(employee))) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', 'Pegawai ini di luar cakupan OPD Anda');
  }
  if (employee.version !== patch.expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      'VERSION_CONFLICT',
      'Data telah diubah pengguna lain; muat ulang lalu coba lagi',
      [
        {
          path: 'body.expectedVersion',
          message: `versi tersimpan ${employee.version}, dikirim ${patch.expectedVersion}`,
        },
      ],
    );
  }
  const identity = { ...employee.identity };
  for (const k of IDENTITY_KEYS) {
    if (patch[k] !== undefined) (identity as Record<string, unknown>)[k] = patch[k];
  }
  // A NITKU starts with the NPWP: checked on the merged record, since a patch may change only one.
  if (identity.nitku && identity.npwp) {
    const nitku = checkNitku(identity.nitku, identity.npwp);
    if (!nitku.ok) {
      throw new DomainError('INVALID', 'VALIDATION_FAILED', 'NITKU tidak sesuai NPWP', [
        { path: patch.nitku !== undefined ? 'body.nitku' : 'body.npwp', message: nitku.reason },
      ]);
    }
  }
  const changedAspects = TIMELINE_ASPECTS.filter((a) => patch[a] !== undefined);
  const from = patch.effectiveFrom ?? deps.now.slice(0, 10);
  if (changedAspects.length > 0 && from < identity.tmtStart) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Tanggal berlaku sebelum TMT awal', [
      { path: 'body.effectiveFrom', message: `tidak boleh sebelum tmtStart ${identity.tmtStart}` },
    ]);
  }
  const changed: TimelineEntry[] = changedAspects.map((aspect: TimelineAspect) => ({
    aspect,
    from,
    value: patch[aspect] as Timelines[typeof aspect],
    recordedAt: deps.now,
    recordedBy: principal.sub,
  }));
  // An entry on the same date replaces the earlier one (a corrected SK); others stay as history.
  const merged = [
    ...timelines.filter((t) => !changed.some((c) => c.aspect === t.aspect && c.from === t.from)),
    ...changed,
  ];
  const current = latestValues(groupTimelines(merged));
  checkGolongan(current);
  const next: StoredEmployee = {
    ...employee,
    identity,
    current,
    version: employee.version + 1,
    updatedAt: deps.now,
  };
  if (!canWriteRow(principal, rowOf(next))) {
    throw new DomainError(
      'FORBIDDEN',
      'OUT_OF_SCOPE',
      `Pemindahan ke OPD ${current.penempatan.opd} di luar cakupan Anda`,
    );
  }
  const audit: AuditEntry = auditEntry(principal, {
    entityType: 'employee',
    entityId: nip,
    action: 'UPDATE',
    at: deps.now,
    requestId: deps.requestId,
    before: redact({ ...employee.identity, ...employee.current }),
    after: redact({ ...identity, ...current }),
    ...(patch.reason ? { reason: patch.reason } : {}),
  });
  // A change dated before this month may alter pay already computed or paid.
  const backdated = changed.length > 0 && from < `${deps.now.slice(0, 7)}-01` ? from : undefined;
  await deps.employees.update(next, employee.version, merged, audit, backdated);
  return currentView(next, deps.now.slice(0, 10));
}

export interface ListQuery {
  opd?: string;
  jenis?: EmployeeInput['kepegawaian']['jenisAsn'];
  status?: string;
  q?: string;
  limit: number;
  nextToken?: string;
}

/**
 * The form a name is searched in: lower case, single spaces. A NIP typed with spaces ("19780512
 * 200801 1 001") becomes its 18 digits, so both the printed and the stored forms find it.
 */
export function searchText(value: string): string {
  const t = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return /^[\d ]+$/.test(t) ? t.replace(/ /g, '') : t;
}

export async function listEmployees(query: ListQuery, principal: Principal, deps: UseCaseDeps) {
  const scope = listScope(principal);
  if (query.opd && scope.kind === 'OPDS' && !scope.opds.includes(query.opd)) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${query.opd} di luar cakupan Anda`);
  }
  const page: Page<StoredEmployee> = await deps.employees.list(
    {
      scope,
      ...(query.opd ? { opd: query.opd } : {}),
      ...(query.jenis ? { jenis: query.jenis } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: searchText(query.q) } : {}),
    },
    query.limit,
    query.nextToken,
  );
  const today = deps.now.slice(0, 10);
  return {
    items: page.items.map((e) => redact(currentView(e, today))),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
