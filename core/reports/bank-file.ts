import { MONTH_NAMES } from '../pay/opening-balance';
import type { BankField, BankTemplate } from './bank-template';
import { type ExportRunRef, PREVIEW_MARK } from './export-state';
import type { Transfer } from './transfers';

/** Everything a bank file says besides its rows. */
export interface BankFileContext {
  readonly run: ExportRunRef;
  /** Tanggal efektif (value date), YYYY-MM-DD. */
  readonly valueDate: string;
  /** The source account (rekening sumber / RKUD / bendahara) the file debits. */
  readonly debitAccount: string;
  /** Source account id, for the file name. */
  readonly accountId: string;
}

export interface BankFile {
  readonly content: Buffer;
  readonly fileName: string;
  readonly rows: number;
  /** Σ amount of the detail records: equals the take-home of the slips it carries. */
  readonly total: number;
  readonly templateId: string;
  readonly templateVersion: string;
}

const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'] as const;

function formatDate(iso: string, format: BankTemplate['dateFormat']): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (format) {
    case 'yyyymmdd':
      return `${y}${m}${d}`;
    case 'ddmmyyyy':
      return `${d}${m}${y}`;
    case 'yyyy-mm-dd':
      return `${y}-${m}-${d}`;
    case 'dd/mm/yyyy':
      return `${d}/${m}/${y}`;
  }
}

function formatAmount(amount: number, format: BankTemplate['amountFormat']): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be integer rupiah, got ${amount}`);
  return format === 'INTEGER' ? String(amount) : `${amount}.00`;
}

/** What `{JENIS}` says per run kind (the runId's tail): the bank's remark tells a THR from the gaji. */
const REMARK_KIND: Readonly<Record<string, string>> = { THR: 'THR', GAJI13: 'GAJI 13', RAPEL: 'RAPEL GAJI' };

/** `{JENIS} {MON} {YYYY}` → `GAJI NOV 2026` (a THR run: `THR MAR 2026`). */
export function remarkOf(template: BankTemplate, run: ExportRunRef): string {
  const [year, m] = run.month.split('-');
  const idx = Number(m) - 1;
  const kind = run.runId.slice(run.month.length + 1);
  return template.remarkPattern
    .replaceAll('{JENIS}', REMARK_KIND[kind] ?? 'GAJI')
    .replaceAll('{BULAN}', (MONTH_NAMES[idx] ?? '').toUpperCase())
    .replaceAll('{MON}', MON[idx] ?? '')
    .replaceAll('{YYYY}', year ?? '')
    .replaceAll('{runId}', run.runId);
}

interface Values {
  readonly transfer?: Transfer;
  readonly count: number;
  readonly total: number;
  readonly remark: string;
}

function rawValue(field: BankField, template: BankTemplate, ctx: BankFileContext, v: Values): string {
  const t = v.transfer;
  switch (field.source) {
    case 'ACCOUNT':
      return t?.accountNumber ?? '';
    case 'NAME':
      return t?.accountName ?? '';
    case 'AMOUNT':
      return t ? formatAmount(t.amount, template.amountFormat) : '';
    case 'REMARK':
      return v.remark;
    case 'REFERENCE':
      return t ? `${ctx.run.runId}/${t.nip}` : '';
    case 'NIP':
      return t?.nip ?? '';
    case 'BANK_CODE':
      return t?.bankCode ?? '';
    case 'BANK_NAME':
      return t?.bank ?? '';
    case 'CONST':
      return field.value ?? '';
    case 'EMPTY':
      return '';
    case 'COUNT':
      return String(v.count);
    case 'TOTAL':
      return formatAmount(v.total, template.amountFormat);
    case 'DATE':
      return formatDate(ctx.valueDate, template.dateFormat);
    case 'DEBIT_ACCOUNT':
      return ctx.debitAccount;
  }
}

const NUMERIC: ReadonlySet<BankField['source']> = new Set(['AMOUNT', 'TOTAL', 'COUNT']);

/** RFC 4180 where needed (separator, quote, line break, comma, edge spaces), as SIGAP's CSV files do. */
function quoteMinimal(value: string, separator: string): string {
  const needs = value.includes(separator) || /[",\r\n]|^\s|\s$/.test(value);
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(field: BankField, template: BankTemplate, value: string): string {
  if (template.fileType === 'FIXED_WIDTH') {
    const width = field.width ?? value.length;
    const right = (field.align ?? (NUMERIC.has(field.source) ? 'RIGHT' : 'LEFT')) === 'RIGHT';
    const pad = field.pad ?? (right && NUMERIC.has(field.source) ? '0' : ' ');
    const cut = value.slice(0, width);
    return right ? cut.padStart(width, pad) : cut.padEnd(width, pad);
  }
  const separator = template.separator ?? ';';
  const cut = field.width ? value.slice(0, field.width) : value;
  if (template.quoting === 'NONE') {
    // Nothing may need quotes: separators, quotes and line breaks become spaces.
    return cut.replaceAll(separator, ' ').replace(/["\r\n]/g, ' ');
  }
  return quoteMinimal(cut, separator);
}

function record(
  fields: readonly BankField[],
  template: BankTemplate,
  ctx: BankFileContext,
  v: Values,
  padTo = 0,
): string {
  const cells = fields.map((f) => cell(f, template, rawValue(f, template, ctx, v)));
  if (template.fileType === 'FIXED_WIDTH') return cells.join('');
  while (cells.length < padTo) cells.push('');
  return cells.join(template.separator ?? ';');
}

function encode(text: string, encoding: BankTemplate['encoding']): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  // ASCII / Latin-1: letters with accents lose them, anything else outside the charset is dropped.
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const limit = encoding === 'ascii' ? 0x7f : 0xff;
  const kept = [...folded].filter((ch) => (ch.codePointAt(0) ?? 0) <= limit).join('');
  return Buffer.from(kept, 'latin1');
}

export function bankFileName(template: BankTemplate, ctx: BankFileContext): string {
  const name = template.fileNamePattern
    .replaceAll('{runId}', ctx.run.runId)
    .replaceAll('{state}', ctx.run.runState)
    .replaceAll('{account}', ctx.accountId)
    .replaceAll('{date}', ctx.valueDate.replaceAll('-', ''))
    .replaceAll('{month}', ctx.run.month)
    .replaceAll('{bank}', template.id)
    .replaceAll('{version}', template.version)
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return ctx.run.exportState === 'PREVIEW' ? `PRATINJAU-${name}` : name;
}

/**
 * The bank's file for checked transfers, written as the template says: optional column-name line,
 * header record, one detail record per transfer, trailer record. A preview (approved, not locked run)
 * starts with a PRATINJAU line so that no bank import takes it for a payment order.
 */
export function renderBankFile(
  template: BankTemplate,
  transfers: readonly Transfer[],
  ctx: BankFileContext,
): BankFile {
  const total = transfers.reduce((s, t) => s + t.amount, 0);
  const base = { count: transfers.length, total, remark: remarkOf(template, ctx.run) };
  const detailWidth = template.detail.fields.length;
  const lines: string[] = [];
  if (ctx.run.exportState === 'PREVIEW') lines.push(PREVIEW_MARK);
  if (template.columnNames) {
    lines.push(
      template.detail.fields
        .map((f) => (template.quoting === 'NONE' ? f.name : quoteMinimal(f.name, template.separator ?? ';')))
        .join(template.separator ?? ';'),
    );
  }
  if (template.header) {
    const pad = template.header.padToDetailWidth ? detailWidth : 0;
    lines.push(record(template.header.fields, template, ctx, base, pad));
  }
  for (const transfer of transfers)
    lines.push(record(template.detail.fields, template, ctx, { ...base, transfer }));
  if (template.trailer) {
    const pad = template.trailer.padToDetailWidth ? detailWidth : 0;
    lines.push(record(template.trailer.fields, template, ctx, base, pad));
  }
  const eol = template.lineEnding === 'CRLF' ? '\r\n' : '\n';
  return {
    content: encode(lines.join(eol) + eol, template.encoding),
    fileName: bankFileName(template, ctx),
    rows: transfers.length,
    total,
    templateId: template.id,
    templateVersion: template.version,
  };
}
