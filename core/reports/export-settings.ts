import * as z from 'zod';

/**
 * A tenant's settings for the files that leave SIGAP (bank-dan-laporan.md §8): how pay reaches the
 * employee, the source accounts and the bank template each one uses, the banks it knows (sandi bank),
 * the pemindahbukuan letter, and the recap layouts. Tenant data under rulesets/payroll-exports/<id>.json,
 * validated on load and changed by a reviewed commit like every ruleset (no API writes it, so there is
 * no unaudited path to change where money goes).
 */
const digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${min},${max}}$`), `${min}–${max} digit angka`);

const sourceAccountSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'huruf kecil, angka dan tanda hubung'),
  label: z.string().min(3).max(120),
  bank: z.string().min(2).max(80),
  bankCode: digits(3, 3),
  accountNumber: digits(6, 20),
  accountName: z.string().min(3).max(120),
  /** The bank branch the pemindahbukuan letter is addressed to. */
  branch: z.string().min(3).max(160),
  /** OPDs this account pays; ['*'] = every OPD. */
  opds: z.array(z.string().min(1)).min(1),
  /** rulesets/bank-templates/<id>.json */
  bankTemplate: z.string().min(2),
});

const signatorySchema = z.strictObject({
  jabatan: z.string().min(3).max(120),
  nama: z.string().min(3).max(120),
  nip: digits(18, 18),
});

export const exportSettingsSchema = z.strictObject({
  tenantId: z.string().min(2),
  version: z.string().min(1).max(40),
  source: z.strictObject({
    reference: z.string().min(3),
    confidence: z.enum(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'DEMO']),
  }),
  disbursementMode: z.enum(['DIRECT_FROM_SP2D', 'VIA_BENDAHARA_PEMINDAHBUKUAN']),
  /** Sandi bank → bank name: the codes an employee account may carry. */
  banks: z.array(z.strictObject({ code: digits(3, 3), name: z.string().min(2).max(80) })).min(1),
  sourceAccounts: z.array(sourceAccountSchema).min(1),
  pemindahbukuan: z
    .strictObject({
      signatory: signatorySchema,
      /** Creditor accounts named in the letter (zakat and infak to BAZNAS, §2). */
      creditorAccounts: z.array(
        z.strictObject({
          purpose: z.string().min(3).max(60),
          bank: z.string().min(2).max(80),
          accountNumber: digits(6, 20),
          accountName: z.string().min(3).max(120),
        }),
      ),
    })
    .optional(),
  layouts: z.strictObject({ bpjsKesehatan: z.string().min(2), taspen: z.string().min(2) }),
});
export type ExportSettings = z.infer<typeof exportSettingsSchema>;
export type SourceAccount = ExportSettings['sourceAccounts'][number];

export class ExportSettingsError extends Error {
  override name = 'ExportSettingsError';
}

export function parseExportSettings(raw: unknown, fileName: string): ExportSettings {
  const result = exportSettingsSchema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ExportSettingsError(`${fileName}: ${detail}`);
  }
  const s = result.data;
  const problems: string[] = [];
  if (s.disbursementMode === 'VIA_BENDAHARA_PEMINDAHBUKUAN' && !s.pemindahbukuan) {
    problems.push('pemindahbukuan: wajib bila disbursementMode VIA_BENDAHARA_PEMINDAHBUKUAN');
  }
  const ids = new Set<string>();
  s.sourceAccounts.forEach((a, i) => {
    if (ids.has(a.id)) problems.push(`sourceAccounts.${i}.id: "${a.id}" ganda`);
    ids.add(a.id);
  });
  if (problems.length > 0) throw new ExportSettingsError(`${fileName}: ${problems.join('; ')}`);
  return s;
}

/** The source account that pays an OPD: the first naming it, else the first for every OPD. */
export function accountForOpd(settings: ExportSettings, opd: string): SourceAccount | undefined {
  return (
    settings.sourceAccounts.find((a) => a.opds.includes(opd)) ??
    settings.sourceAccounts.find((a) => a.opds.includes('*'))
  );
}
