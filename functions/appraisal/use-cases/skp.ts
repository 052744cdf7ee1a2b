import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import type { StoredEmployee } from '../../../core/employee/repository';
import { DomainError, notFound } from '../../../core/errors';
import { draftSkpResults, findJabatanTemplate } from '../../../core/performance/indicator-library';
import {
  approvedRevision,
  BERAKHLAK_KEYS,
  cascadeIssues,
  type RencanaHasilKerja,
  type Skp,
} from '../../../core/performance/skp';
import { keys } from '../../table/keys';
import { loadEmployee, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { parse, records, type StoredSkp } from '../store/records';
import { tenantLibrary } from './library';

/** SKP per employee per year: draft from the library, edit, submit, approve/reject, revise. */
export function skpView(s: StoredSkp) {
  return { ...s.skp, version: s.version, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

export async function skpRevisions(nip: string, year: number, deps: AppraisalDeps): Promise<StoredSkp[]> {
  const items = await deps.store.queryAll(keys.skpRevisions(nip, year));
  return items.map(parse.skp).sort((a, b) => a.skp.revision - b.skp.revision);
}

export async function latestRevision(nip: string, year: number, deps: AppraisalDeps): Promise<StoredSkp> {
  const all = await skpRevisions(nip, year, deps);
  const latest = all.at(-1);
  if (!latest) throw notFound(`SKP tahun ${year} belum dibuat`);
  return latest;
}

/**
 * A 400 naming each cascaded result that points at nothing in the pejabat penilai's SKP of the year;
 * `at` is 'body.' when the results came in the request, '' when they are the stored SKP's.
 */
export async function assertCascade(
  skp: Pick<Skp, 'results' | 'pejabatPenilai' | 'year'>,
  at: string,
  deps: AppraisalDeps,
): Promise<void> {
  if (!skp.results.some((r) => r.cascadedFrom)) return;
  const atasan = (await skpRevisions(skp.pejabatPenilai.nip, skp.year, deps)).map((s) => s.skp);
  const issues = cascadeIssues(skp, atasan, at);
  if (issues.length > 0) {
    throw new DomainError(
      'INVALID',
      'SKP_CASCADE_INVALID',
      'Hasil kerja yang diturunkan tidak ada di SKP pejabat penilai',
      issues,
    );
  }
}

const DEFAULT_EXPECTATION = 'Menunjukkan perilaku sesuai ekspektasi umum nilai dasar BerAKHLAK';

function pejabat(e: StoredEmployee) {
  return { nip: e.identity.nip, nama: e.identity.nama, jabatan: e.current.jabatan.nama };
}

export interface CreateSkpInput {
  year: number;
  templateKey?: string | undefined;
  results?: RencanaHasilKerja[] | undefined;
  perilaku?: Skp['perilaku'] | undefined;
}

export async function createSkp(input: CreateSkpInput, principal: Principal, deps: AppraisalDeps) {
  const nip = principal.sub;
  const employee = await loadEmployee(nip, deps);
  if (!employee) throw notFound('Data kepegawaian Anda tidak ditemukan');
  const atasanNip = employee.current.penempatan.atasanNip;
  if (!atasanNip) {
    throw new DomainError(
      'CONFLICT',
      'NO_PEJABAT_PENILAI',
      'Pegawai belum memiliki atasan langsung (pejabat penilai)',
    );
  }
  const atasan = await loadEmployee(atasanNip, deps);
  const atasanAtasan = atasan?.current.penempatan.atasanNip
    ? await loadEmployee(atasan.current.penempatan.atasanNip, deps)
    : undefined;
  const jabatan = employee.current.jabatan;
  const library = await tenantLibrary(deps);
  const template = input.templateKey
    ? library.jabatan.find((t) => t.key === input.templateKey)
    : findJabatanTemplate(library, {
        ...(jabatan.type === 'FUNGSIONAL' ? { kode: jabatan.kode } : {}),
        nama: jabatan.nama,
      });
  if (input.templateKey && !template) {
    throw new DomainError('INVALID', 'UNKNOWN_TEMPLATE', 'Template indikator tidak ada', [
      { path: 'body.templateKey', message: `template ${input.templateKey} tidak ada di pustaka indikator` },
    ]);
  }
  const { year } = input;
  const results = input.results ?? (template ? draftSkpResults(template, { idPrefix: String(year) }) : []);
  const skp: Skp = {
    id: `SKP-${nip}-${year}`,
    revision: 1,
    nip,
    year,
    opd: employee.current.penempatan.opd,
    unit: employee.current.penempatan.unit,
    jabatan: { ...(jabatan.type === 'FUNGSIONAL' ? { kode: jabatan.kode } : {}), nama: jabatan.nama },
    pejabatPenilai: atasan ? pejabat(atasan) : { nip: atasanNip },
    ...(atasanAtasan ? { atasanPejabatPenilai: pejabat(atasanAtasan) } : {}),
    results,
    perilaku:
      input.perilaku ??
      (Object.fromEntries(
        BERAKHLAK_KEYS.map((k) => [k, { ekspektasiKhusus: DEFAULT_EXPECTATION }]),
      ) as Skp['perilaku']),
    status: 'DRAFT',
    history: [{ from: null, to: 'DRAFT', by: nip, at: deps.now }],
  };
  await assertCascade(skp, input.results ? 'body.' : '', deps);
  const stored: StoredSkp = { skp, version: 1, createdAt: deps.now, updatedAt: deps.now };
  await deps.store.commit({
    lockMonths: [],
    correction: false,
    changes: [
      {
        kind: 'create',
        item: records.skp(stored, true),
        onConflict: new DomainError(
          'CONFLICT',
          'SKP_EXISTS',
          `SKP tahun ${year} sudah dibuat; ubah atau revisi`,
        ),
      },
    ],
    audits: [
      auditEntry(principal, {
        entityType: 'skp',
        entityId: `${nip}#${year}`,
        action: 'CREATE',
        at: deps.now,
        requestId: deps.requestId,
        after: { revision: 1, template: template?.key ?? null, results: results.length },
      }),
    ],
  });
  return { ...skpView(stored), template: template?.key ?? null };
}

export async function getSkp(nip: string, year: number, principal: Principal, deps: AppraisalDeps) {
  await readableEmployee(nip, principal, deps);
  const all = await skpRevisions(nip, year, deps);
  if (all.length === 0) throw notFound(`SKP tahun ${year} belum dibuat`);
  const inForce = approvedRevision(all.map((s) => s.skp));
  return {
    nip,
    year,
    inForceRevision: inForce?.revision ?? null,
    revisions: all.map(skpView).reverse(),
  };
}
