import * as z from 'zod';

/**
 * One tenant (pemda) as configuration. The CDK app, the local runtime and the tests all read the
 * same registry, so adding a tenant is one file in config/tenants/ and nothing else.
 */
export const TENANT_ID = /^[a-z][a-z0-9-]{1,30}$/;

export const tenantConfigSchema = z.strictObject({
  id: z.string().regex(TENANT_ID, 'huruf kecil, angka dan tanda hubung, 2–31 karakter'),
  name: z.string().min(3),
  /** The pemda level decides the Perkada type (Perbup/Perwali/Pergub) named on documents. */
  level: z.enum(['KABUPATEN', 'KOTA', 'PROVINSI']),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
  payroll: z.strictObject({
    /** Day of month and local hour at which the monthly run starts on its own. */
    runDayOfMonth: z.number().int().min(1).max(28),
    runHour: z.number().int().min(0).max(23),
    /**
     * Dated payroll policy, each entry in force from its month until the next one; absent (or before
     * the first entry) means the defaults: no run for a month that has not begun, and an employee sees
     * their slip once the run is locked (core/payroll/lifecycle.ts payrollPolicyAt).
     */
    policy: z
      .array(
        z.strictObject({
          from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
          /** 1: next month's run may be started, approved and locked before that month begins. */
          runMonthsAhead: z.union([z.literal(0), z.literal(1)]).default(0),
          /** When an employee sees their own slip: once the run is APPROVED, or only once LOCKED. */
          slipVisibleFrom: z.enum(['APPROVED', 'LOCKED']).default('LOCKED'),
          /** The tenant decision behind it (a Perkada, an SK, a letter). */
          source: z.string().min(3),
        }),
      )
      .optional(),
  }),
  /** Tenant ruleset id (rulesets/tenants/<id>.json); absent means the reference defaults. */
  ruleset: z.string().regex(TENANT_ID).optional(),
  demo: z.boolean().default(false),
});

export type TenantConfig = z.infer<typeof tenantConfigSchema>;

export class TenantConfigError extends Error {
  override name = 'TenantConfigError';
}

export function parseTenantConfig(raw: unknown, fileName: string): TenantConfig {
  const result = tenantConfigSchema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new TenantConfigError(`${fileName}: ${detail}`);
  }
  const expected = fileName.replace(/^.*\//, '').replace(/\.json$/, '');
  if (fileName.endsWith('.json') && result.data.id !== expected) {
    throw new TenantConfigError(`${fileName}: id "${result.data.id}" must equal the file name "${expected}"`);
  }
  return result.data;
}
