import * as z from 'zod';
import { digitsOnly } from '../../core/employee/identity-numbers';
import { ANNUAL_FORMS, DTP_CERTIFICATES, TAX_LISTS, withholderIssues } from '../../core/tax/withholders';
import { boundedText, isoDate, isoMonth, nipSchema, versionSchema } from '../http/common-schemas';

const opdCode = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');
const withholderId = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,29}$/, 'id pemotong: huruf besar, angka, _ - (maks. 30)');

/** Identifiers are text: separators people type are removed, then the digits are checked (§2). */
const digits = (n: number, what: string) =>
  z
    .string()
    .max(40, `${what} harus ${n} digit angka`)
    .transform(digitsOnly)
    .pipe(z.string().regex(new RegExp(`^\\d{${n}}$`), `${what} harus ${n} digit angka`));

export const withholderSchema = z.strictObject({
  id: withholderId,
  name: boundedText(120),
  npwp: digits(16, 'NPWP instansi'),
  nitku: digits(22, 'NITKU'),
  bendahara: z.strictObject({ nama: boundedText(120), nip: nipSchema }),
  opds: z.array(opdCode).max(100, 'paling banyak 100 OPD per pemotong').default([]),
  lists: z.array(z.enum(TAX_LISTS)).min(1, 'sebutkan daftar GAJI dan/atau TPP').max(2),
});

const settingsFields = {
  // Bounded so the item and its audit record (before and after) stay far below DynamoDB's 400 KB.
  withholders: z
    .array(withholderSchema)
    .min(1, 'minimal satu pemotong')
    .max(50, 'paling banyak 50 pemotong')
    .refine(
      (ws) => ws.reduce((n, w) => n + w.opds.length, 0) <= 300,
      'paling banyak 300 OPD disebut seluruhnya',
    ),
  pnsDtpCertificate: z.enum(DTP_CERTIFICATES),
  pppkAnnualForm: z.enum(ANNUAL_FORMS),
  source: boundedText(300),
};

export const putTaxSettingsBody = z
  .strictObject({ expectedVersion: versionSchema(), ...settingsFields })
  .superRefine((body, ctx) => {
    for (const issue of withholderIssues(body.withholders)) {
      const path = issue.path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      ctx.addIssue({ code: 'custom', path, message: issue.message });
    }
  });

export const taxSettingsResponse = z
  .strictObject({
    ...settingsFields,
    withholders: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        npwp: z.string(),
        nitku: z.string(),
        bendahara: z.strictObject({ nama: z.string(), nip: z.string() }),
        opds: z.array(z.string()),
        lists: z.array(z.enum(TAX_LISTS)),
      }),
    ),
    source: z.string(),
    version: z.number(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'TaxSettings' });

const preview = z.enum(['true', 'false']).default('false');

export const masaParams = z.strictObject({ month: isoMonth });
/** `withholder`: the withholder's id; may be left out when the tenant has only one. */
export const bpmpQuery = z.strictObject({
  preview,
  withholder: withholderId.optional(),
  withholdingDate: isoDate.optional(),
});
export const recapQuery = z.strictObject({ preview, opd: opdCode.optional() });

const year = z.string().regex(/^20\d{2}$/, 'tahun 4 digit (20xx)');
export const yearParams = z.strictObject({ year });
export const a2Params = z.strictObject({ year, nip: nipSchema });
export const annualQuery = z.strictObject({ preview });
export const a2ListQuery = z.strictObject({ preview, opd: opdCode.optional() });
export const a1Query = bpmpQuery;
