import type { Predikat } from '../../../core/pay/types';
import { settingsFor, unitIdOf } from '../../../functions/appraisal/settings';
import type { DemoUser } from './demo-users';
import type { TenantSeed } from './employees';
import type { HistoryMonths } from './history-plan';
import { createPrng } from './prng';
import type { Actor, SeedClient } from './seed-client';

/**
 * What the console's appraisal journeys need on top of the played history (issue 18), added through
 * the API with the people's own tokens once the history is complete, at the real "now":
 * - the demo pegawai's SKP of the current year gets revision 2 submitted (DIAJUKAN): their atasan has a
 *   plan waiting for approval, while the approved revision 1 stays in force for realisasi and ratings;
 * - where the tenant uses peer feedback (sofifi), the demo pegawai is asked to rate a colleague this month;
 * - where the tenant scales its calibration curve by the unit's own predikat (binjai), every unit gets
 *   a rating for each seeded month, so the distribution chart shows scaled limits.
 * Each step checks what is there first, so a second run adds nothing.
 */
export interface AppraisalDemoCounts {
  waitingSkp: boolean;
  peerAsks: number;
  unitRatings: number;
}

const actorOf = (u: DemoUser): Actor => ({ sub: u.sub, roles: u.roles, opds: u.opds });

/** Mostly Baik, some Sangat Baik, a few Butuh Perbaikan: the units' story, fixed per tenant and month. */
function unitPredikat(tenantId: string, month: string, unitId: string): Predikat {
  const roll = createPrng(`${tenantId}|${unitId}|${month}|unit-rating`).next();
  if (roll < 0.2) return 'SANGAT_BAIK';
  if (roll < 0.9) return 'BAIK';
  return 'BUTUH_PERBAIKAN';
}

export async function seedAppraisalDemo(
  client: SeedClient,
  seed: TenantSeed,
  users: readonly DemoUser[],
  plan: HistoryMonths,
): Promise<AppraisalDemoCounts> {
  const counts: AppraisalDemoCounts = { waitingSkp: false, peerAsks: 0, unitRatings: 0 };
  const user = (label: DemoUser['label']) => users.find((u) => u.label === label);
  const pegawai = user('pegawai');
  const atasan = user('atasan');
  const bkpsdm = user('bkpsdm');
  if (!pegawai || !atasan || !bkpsdm) return counts;
  const year = Number(plan.current.slice(0, 4));

  // 1. A plan waiting for the atasan: revision 2 of the demo pegawai's SKP, submitted.
  const path = `/skp/${pegawai.sub}/${year}`;
  const skp = await client.call('GET', path, actorOf(pegawai), undefined, [200, 404]);
  let latest = skp.status === 200 ? skp.json.revisions[0] : undefined;
  if (latest?.status === 'DISETUJUI' && latest.revision === 1) {
    latest = (
      await client.call('POST', `${path}/revise`, actorOf(pegawai), {
        expectedVersion: latest.version,
        reason: 'Penyesuaian target triwulan IV setelah evaluasi bersama atasan (data demo)',
      })
    ).json;
  }
  if (latest?.status === 'DRAFT' && latest.revision > 1) {
    await client.call('POST', `${path}/submit`, actorOf(pegawai), { expectedVersion: latest.version });
    counts.waitingSkp = true;
  }

  // 2. A peer questionnaire for the demo pegawai to answer this month.
  if (settingsFor(seed.tenantId, plan.current).peerFeedback.enabled) {
    const colleague = seed.members.find(
      (m) => m.employee.penempatan.atasanNip === atasan.sub && m.employee.nip !== pegawai.sub,
    );
    if (colleague) {
      const asked = await client.call(
        'PUT',
        `/evaluations/${plan.current}/${colleague.employee.nip}/peer-raters`,
        actorOf(atasan),
        { raters: [pegawai.sub] },
      );
      counts.peerAsks = (asked.json.raters as string[]).length;
    }
  }

  // 3. Unit ratings for the seeded months, where the curve is scaled by them.
  const months = plan.months.filter(
    (m) => settingsFor(seed.tenantId, m).calibration.unitRatingMultiplierPercent !== null,
  );
  for (const month of months) {
    const groupBy = settingsFor(seed.tenantId, month).calibration.groupBy;
    const had = await client.call('GET', `/unit-ratings/${month}`, actorOf(bkpsdm));
    if ((had.json.items as unknown[]).length > 0) continue;
    const units = [
      ...new Set(
        seed.members
          .filter(
            (m) =>
              m.employee.tmtStart <= `${month}-31` &&
              (!m.employee.tmtEnd || m.employee.tmtEnd >= `${month}-01`),
          )
          .map((m) => (groupBy === 'UNIT' ? unitIdOf(m.opd, m.employee.penempatan.unit) : m.opd)),
      ),
    ].sort();
    for (let i = 0; i < units.length; i += 95) {
      const ratings = units
        .slice(i, i + 95)
        .map((unitId) => ({ unitId, predikat: unitPredikat(seed.tenantId, month, unitId) }));
      await client.call('PUT', `/unit-ratings/${month}`, actorOf(bkpsdm), { ratings });
      counts.unitRatings += ratings.length;
    }
  }
  return counts;
}
