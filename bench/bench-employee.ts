import { TIMELINE_ASPECTS } from '../core/employee/employee';
import type { StoredEmployee } from '../core/employee/repository';
import type { TimelineEntry } from '../core/employee/timeline';
import type { generateTenantSeed } from '../infra/local/seed/employees';

export type SeedTemplate = ReturnType<typeof generateTenantSeed>['members'][number]['employee'];

/**
 * A demo seed member copied under another NIP, in service since 2015, with one timeline entry per
 * aspect: how the benches make thousands of valid employees out of the few dozen of a demo tenant.
 */
export function benchEmployee(
  template: SeedTemplate,
  nip: string,
  current: Partial<Pick<StoredEmployee['current'], 'penempatan' | 'kepegawaian'>>,
  now: string,
): { employee: StoredEmployee; timelines: TimelineEntry[] } {
  const aspects = Object.fromEntries(
    TIMELINE_ASPECTS.map((a) => [a, template[a]]),
  ) as unknown as StoredEmployee['current'];
  const merged = { ...aspects, ...current } as StoredEmployee['current'];
  const {
    pangkat: _p,
    masaKerja: _m,
    jabatan: _j,
    penempatan: _pe,
    keluarga: _k,
    kepegawaian: _ke,
    ...identity
  } = template;
  const employee: StoredEmployee = {
    identity: { ...identity, nip, tmtStart: '2015-01-01' },
    current: merged,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const timelines = TIMELINE_ASPECTS.map(
    (aspect) =>
      ({
        aspect,
        from: '2015-01-01',
        value: merged[aspect],
        recordedAt: now,
        recordedBy: 'bench',
      }) as TimelineEntry,
  );
  return { employee, timelines };
}
