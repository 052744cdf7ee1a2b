import * as z from 'zod';
import { percentToBp } from '../pay/money';
import { percentSchema } from './value-schemas';

/** The final predikat an incentive may ask for (both SKP vocabularies). */
export const PRESTASI_PREDIKAT = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'CUKUP',
  'KURANG',
  'SANGAT_KURANG',
] as const;

/**
 * The tenant's insentif prestasi kerja (tpp.md §2, criterion PK "performance beyond targets"): whether
 * achievement raises TPP above the month's TPP, and by how much. Off for a tenant whose Perkada says
 * nothing about it. When on, an employee qualifies with one of the named predikat (and, when the rule
 * names a team condition, a capaian of their unit above its target); the incentive is a share of the
 * base — the flat share plus a share per percentage point of unit capaian above target — never more
 * than the cap, rounded as the rule says. Shares and cap are percentages of the base (0–100).
 */
export const tppPrestasiSchema = z.discriminatedUnion('enabled', [
  z.strictObject({ enabled: z.literal(false) }),
  z
    .strictObject({
      enabled: z.literal(true),
      /** The slip line's name as the regulation calls it. */
      label: z.string().trim().min(1).max(80),
      predikat: z
        .array(z.enum(PRESTASI_PREDIKAT))
        .min(1)
        .refine((list) => new Set(list).size === list.length, { message: 'predikat muncul dua kali' }),
      /** CEILING_TOTAL: Σ the kelas jabatan's TPP ceilings; CEILING_PK: its prestasi kerja ceiling only. */
      base: z.enum(['CEILING_TOTAL', 'CEILING_PK']),
      percentOfBase: percentSchema,
      /** The unit's capaian condition; null when the predikat alone qualifies. */
      teamResult: z
        .strictObject({
          /** Capaian (percent of the unit's own target) the unit must exceed, e.g. 100. */
          targetPercent: z
            .number()
            .min(0, 'target capaian antara 0 dan 200 persen')
            .max(200, 'target capaian antara 0 dan 200 persen')
            .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
              message: 'a rate may have at most two decimals (whole basis points)',
            }),
          /** Share of the base per percentage point of capaian above the target. */
          percentOfBasePerPoint: percentSchema,
        })
        .nullable(),
      /**
       * A penghargaan prestasi decided by BKPSDM for the month, by decree (SK number recorded with it):
       * this share of the base, whatever the predikat. Absent: the tenant gives no such award.
       */
      award: z.strictObject({ percentOfBase: percentSchema }).optional(),
      /** The incentive never exceeds this share of the base. */
      capPercent: percentSchema,
      rounding: z.enum(['FLOOR', 'HALF_UP']),
      /** No incentive in a month a hukuman disiplin cuts the TPP. */
      notWithSanction: z.boolean(),
    })
    .superRefine((rule, ctx) => {
      if (
        rule.percentOfBase === 0 &&
        (!rule.teamResult || rule.teamResult.percentOfBasePerPoint === 0) &&
        !rule.award?.percentOfBase
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['percentOfBase'],
          message:
            'insentif selalu nol: isi persentase dasar, persentase per poin capaian tim, atau persentase penghargaan',
        });
      }
      if (rule.capPercent === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['capPercent'],
          message: 'batas insentif 0% berarti tidak ada insentif; nonaktifkan aturan (enabled: false)',
        });
      }
      if (rule.capPercent < rule.percentOfBase) {
        ctx.addIssue({
          code: 'custom',
          path: ['capPercent'],
          message: `batas insentif ${rule.capPercent}% lebih kecil dari persentase dasar ${rule.percentOfBase}%`,
        });
      }
    }),
]);

export type TppPrestasiValue = z.infer<typeof tppPrestasiSchema>;

/** The rule in force, in basis points (1% = 100 bp; a capaian of 104,5% = 10 450 bp). */
export type PrestasiRule =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      readonly label: string;
      readonly predikat: readonly (typeof PRESTASI_PREDIKAT)[number][];
      readonly base: 'CEILING_TOTAL' | 'CEILING_PK';
      readonly baseBp: number;
      readonly team?: { readonly targetBp: number; readonly perPointBp: number };
      readonly awardBp?: number;
      readonly capBp: number;
      readonly rounding: 'FLOOR' | 'HALF_UP';
      readonly notWithSanction: boolean;
    };

const OFF: PrestasiRule = { enabled: false };

export function prestasiRuleOf(value: TppPrestasiValue): PrestasiRule {
  if (!value.enabled) return OFF;
  return {
    enabled: true,
    label: value.label,
    predikat: value.predikat,
    base: value.base,
    baseBp: percentToBp(value.percentOfBase),
    ...(value.teamResult
      ? {
          team: {
            targetBp: percentToBp(value.teamResult.targetPercent),
            perPointBp: percentToBp(value.teamResult.percentOfBasePerPoint),
          },
        }
      : {}),
    ...(value.award ? { awardBp: percentToBp(value.award.percentOfBase) } : {}),
    capBp: percentToBp(value.capPercent),
    rounding: value.rounding,
    notWithSanction: value.notWithSanction,
  };
}
