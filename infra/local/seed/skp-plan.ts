import {
  draftSkpResults,
  findJabatanTemplate,
  type IndicatorLibrary,
  type JabatanTemplate,
} from '../../../core/performance/indicator-library';
import type { RencanaHasilKerja } from '../../../core/performance/skp';
import type { SeedMember } from './employees';
import { FALLBACK_TEMPLATE } from './skp-templates';

/**
 * What a pegawai drafts: the library template of their jabatan (structural heads by their role, since a
 * kepala bidang's name also contains the sector words staff templates match on), its hasil kerja utama
 * cascaded from the atasan's approved plan.
 */
export interface PlanOfAtasan {
  id: string;
  results: readonly { id: string; jenis: string }[];
}

export function templateFor(member: SeedMember, library: IndicatorLibrary): JabatanTemplate {
  const byKey = (key: string) => library.jabatan.find((t) => t.key === key);
  const structural =
    member.role === 'kabid'
      ? byKey('struktural-kepala-bidang')
      : member.role === 'kasubbag'
        ? byKey('struktural-kepala-subbagian')
        : undefined;
  const jabatan = member.employee.jabatan;
  const found =
    structural ??
    findJabatanTemplate(library, {
      ...(jabatan.type === 'FUNGSIONAL' ? { kode: jabatan.kode } : {}),
      nama: jabatan.nama,
    }) ??
    byKey(FALLBACK_TEMPLATE);
  if (!found) throw new Error(`seed: no indicator template for ${member.employee.nip} (${jabatan.nama})`);
  return found;
}

export function skpDraft(
  member: SeedMember,
  library: IndicatorLibrary,
  year: number,
  atasan: PlanOfAtasan | undefined,
): { templateKey: string; results: RencanaHasilKerja[] } {
  const template = templateFor(member, library);
  const utama = atasan?.results.filter((r) => r.jenis === 'UTAMA') ?? [];
  const resultIdByKey: Record<string, string> = {};
  template.results
    .filter((r) => r.jenis === 'UTAMA')
    .forEach((r, i) => {
      const target = utama[i % Math.max(1, utama.length)];
      if (target) resultIdByKey[r.key] = target.id;
    });
  const results = draftSkpResults(template, {
    idPrefix: String(year),
    ...(atasan && utama.length > 0 ? { cascade: { skpId: atasan.id, resultIdByKey } } : {}),
  });
  return { templateKey: template.key, results };
}
