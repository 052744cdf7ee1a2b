import * as z from 'zod';

/**
 * A bank's bulk-transfer file as DATA (bank-dan-laporan.md §3.2): records, fields, separators, encoding,
 * date and amount formats, file name. One engine (bank-file.ts) writes every template, so a bank whose
 * specification becomes known is a new JSON file under rulesets/bank-templates/, not new code.
 * Templates are validated on load; a bad template names the field and the reason.
 */

/** Where a field's value comes from. Record-level sources (COUNT, TOTAL, DEBIT_ACCOUNT, DATE) fit any record. */
export const FIELD_SOURCES = [
  'ACCOUNT', // beneficiary account number, digits only
  'NAME', // beneficiary name (account holder's name, else the employee's name)
  'AMOUNT', // the slip's bersih (take-home), integer rupiah
  'REMARK', // the file's remark (remarkPattern)
  'REFERENCE', // <runId>/<nip>
  'NIP',
  'BANK_CODE', // beneficiary's sandi bank
  'BANK_NAME',
  'CONST', // `value`
  'EMPTY',
  'COUNT', // number of detail records
  'TOTAL', // Σ AMOUNT of the detail records
  'DATE', // the value date (tanggal efektif)
  'DEBIT_ACCOUNT', // the source account (rekening sumber)
] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

const fieldSchema = z.strictObject({
  name: z.string().min(1).max(60),
  source: z.enum(FIELD_SOURCES),
  value: z.string().max(200).optional(),
  /** FIXED_WIDTH: the field's width in characters. DELIMITED: the most characters kept (cut, never overflow). */
  width: z.number().int().min(1).max(500).optional(),
  align: z.enum(['LEFT', 'RIGHT']).optional(),
  pad: z.string().length(1).optional(),
});
export type BankField = z.infer<typeof fieldSchema>;

const recordSchema = z.strictObject({
  fields: z.array(fieldSchema).min(1).max(80),
  /** DELIMITED: add empty fields until the record has as many fields as the detail record (MCM header). */
  padToDetailWidth: z.boolean().default(false),
});

export const bankTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/, 'huruf kecil, angka dan tanda hubung'),
    /** Bumped on every change: every file names the template version it was written with. */
    version: z.string().min(1).max(40),
    bank: z.string().min(2).max(80),
    /** Sandi bank of the bank this template is for; absent for a bank-neutral template. */
    bankCode: z
      .string()
      .regex(/^\d{3}$/, '3 digit sandi bank')
      .optional(),
    title: z.string().min(3).max(120),
    source: z.strictObject({
      reference: z.string().min(3),
      confidence: z.enum(['VERIFIED', 'SINGLE-SOURCE', 'UNVERIFIED', 'SIGAP']),
      notes: z.array(z.string()).default([]),
    }),
    fileType: z.enum(['DELIMITED', 'FIXED_WIDTH']),
    separator: z.string().min(1).max(3).optional(),
    /** MINIMAL: RFC 4180 quotes where a value needs them; NONE: values are cleaned so none is needed. */
    quoting: z.enum(['MINIMAL', 'NONE']).default('MINIMAL'),
    encoding: z.enum(['utf-8', 'ascii', 'latin1']),
    lineEnding: z.enum(['CRLF', 'LF']),
    /** Column names as the first line (a spreadsheet-like file); the bank's own header record is `header`. */
    columnNames: z.boolean().default(false),
    dateFormat: z.enum(['yyyymmdd', 'ddmmyyyy', 'yyyy-mm-dd', 'dd/mm/yyyy']),
    /** Integer rupiah, or with two decimals (`.00`) where a bank asks for them. */
    amountFormat: z.enum(['INTEGER', 'DECIMAL_2']),
    /** Tokens: {runId} {state} {account} {date} {bank} {month} {version} (the template's). */
    fileNamePattern: z.string().min(3).max(120),
    /** Tokens: {JENIS} (GAJI, THR, GAJI 13, RAPEL GAJI) {BULAN} (NOVEMBER) {MON} (NOV) {YYYY} {runId}. */
    remarkPattern: z.string().min(1).max(80),
    header: recordSchema.optional(),
    detail: recordSchema,
    trailer: recordSchema.optional(),
    rules: z.strictObject({
      /** Beneficiary name: ASCII upper case, letters, digits and spaces only (special characters stripped). */
      nameCharset: z.enum(['ASCII_UPPER_ALNUM', 'AS_IS']),
      nameMaxLength: z.number().int().min(5).max(200),
      /** Only accounts at the template's own bank (bankCode): interbank rows need fields not known. */
      inHouseOnly: z.boolean(),
      /** Rows with a zero or negative amount are left out and listed. */
      excludeNonPositive: z.literal(true),
    }),
  })
  .superRefine((t, ctx) => {
    const records = [
      ['detail', t.detail],
      ['header', t.header],
      ['trailer', t.trailer],
    ] as const;
    if (t.fileType === 'DELIMITED' && !t.separator) {
      ctx.addIssue({ code: 'custom', path: ['separator'], message: 'wajib untuk berkas DELIMITED' });
    }
    if (t.rules.inHouseOnly && !t.bankCode) {
      ctx.addIssue({ code: 'custom', path: ['bankCode'], message: 'wajib bila rules.inHouseOnly' });
    }
    for (const [name, record] of records) {
      record?.fields.forEach((f, i) => {
        if (t.fileType === 'FIXED_WIDTH' && f.width === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [name, 'fields', i, 'width'],
            message: 'wajib untuk FIXED_WIDTH',
          });
        }
        if (f.source === 'CONST' && f.value === undefined) {
          ctx.addIssue({ code: 'custom', path: [name, 'fields', i, 'value'], message: 'wajib untuk CONST' });
        }
        if (name === 'detail' && (f.source === 'COUNT' || f.source === 'TOTAL')) {
          ctx.addIssue({
            code: 'custom',
            path: [name, 'fields', i, 'source'],
            message: `${f.source} hanya untuk header/trailer`,
          });
        }
      });
    }
  });

export type BankTemplate = z.infer<typeof bankTemplateSchema>;

export class BankTemplateError extends Error {
  override name = 'BankTemplateError';
}

/** A template from its JSON, or an error naming every bad field (`<file>: detail.fields.2.width: …`). */
export function parseBankTemplate(raw: unknown, fileName: string): BankTemplate {
  const result = bankTemplateSchema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new BankTemplateError(`${fileName}: ${detail}`);
  }
  return result.data;
}
