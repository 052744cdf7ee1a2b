import { creditorReadiness } from '../../core/deductions/daftar';
import { DomainError } from '../../core/errors';
import { renderBankFile } from '../../core/reports/bank-file';
import type { RunExportId } from '../../core/reports/catalog';
import type { SourceAccount } from '../../core/reports/export-settings';
import { type ExportRunRef, PREVIEW_MARK, stateFileName } from '../../core/reports/export-state';
import { bpjsKesehatanRecap, taspenRecap } from '../../core/reports/iuran-recap';
import { pemindahbukuanRows } from '../../core/reports/pemindahbukuan';
import { assertReady } from '../../core/reports/readiness';
import { bankTransfers, type ExportInputs, slipsOfAccount } from '../../core/reports/run-exports';
import { SIPD_GAJI_LAYOUT, SIPD_TPP_LAYOUT } from '../../core/reports/sipd-layout';
import { buildSipdList } from '../../core/reports/sipd-list';
import { renderDaftarPotongan, renderRemittance } from '../deductions/daftar-xlsx';
import { fileSlug, toCsv } from '../payroll/documents/csv';
import { renderIuranRecapXlsx } from '../payroll/documents/iuran-recap-xlsx';
import { renderPemindahbukuanPdf, renderPemindahbukuanXlsx } from '../payroll/documents/pemindahbukuan';
import { reportLayout } from './settings';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** The SIPD column set's name and source, written on every SIPD file like a template version. */
export const SIPD_LAYOUT_VERSION = 'sipd-daerah@bank-dan-laporan-6-2026';

export interface BuiltFile {
  readonly content: Buffer;
  readonly contentType: string;
  readonly fileName: string;
  readonly run: ExportRunRef;
  /** `<template id>@<version>` the file was written with. */
  readonly template: string;
  readonly rows: number;
  readonly total?: number;
  readonly excluded?: number;
  readonly account?: string;
}

export interface BuildContext {
  readonly inputs: ExportInputs;
  readonly ref: ExportRunRef;
  readonly tenantName: string;
  readonly query: { opd?: string; account?: string; valueDate?: string; nomor?: string; creditor?: string };
  /** Today in the tenant's time zone: the default value date and letter date. */
  readonly today: string;
  readonly createdAt: Date;
}

function pickAccount(ctx: BuildContext): SourceAccount {
  const accounts = ctx.inputs.settings.sourceAccounts;
  const wanted = ctx.query.account;
  if (wanted === undefined) {
    if (accounts.length === 1) return accounts[0] as SourceAccount;
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan rekening sumber', [
      { path: 'query.account', message: `wajib diisi; pilihan: ${accounts.map((a) => a.id).join(', ')}` },
    ]);
  }
  const account = accounts.find((a) => a.id === wanted);
  if (!account) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Rekening sumber tidak dikenal', [
      { path: 'query.account', message: `pilihan: ${accounts.map((a) => a.id).join(', ')}` },
    ]);
  }
  return account;
}

function accountSlips(ctx: BuildContext, account: SourceAccount) {
  const slips = slipsOfAccount(ctx.inputs, account);
  if (slips.length === 0) {
    throw new DomainError(
      'NOT_FOUND',
      'NO_SLIPS_FOR_ACCOUNT',
      'Tidak ada slip yang dibayar dari rekening ini',
      [
        {
          path: 'query.account',
          message: `rekening ${account.id} tidak membayar slip${ctx.query.opd ? ` OPD ${ctx.query.opd}` : ''} pada run ini`,
        },
      ],
    );
  }
  return slips;
}

async function bankFile(ctx: BuildContext): Promise<BuiltFile> {
  const account = pickAccount(ctx);
  accountSlips(ctx, account);
  const checked = bankTransfers(ctx.inputs, account);
  assertReady('bank-file', checked.issues);
  const file = renderBankFile(checked.template, checked.transfers, {
    run: ctx.ref,
    valueDate: ctx.query.valueDate ?? ctx.today,
    debitAccount: account.accountNumber,
    accountId: account.id,
  });
  return {
    content: file.content,
    contentType: CSV,
    fileName: file.fileName,
    run: ctx.ref,
    template: `${file.templateId}@${file.templateVersion}`,
    rows: file.rows,
    total: file.total,
    excluded: checked.excluded.length,
    account: account.id,
  };
}

async function pemindahbukuan(ctx: BuildContext, format: 'PDF' | 'XLSX'): Promise<BuiltFile> {
  const { settings } = ctx.inputs;
  if (settings.disbursementMode !== 'VIA_BENDAHARA_PEMINDAHBUKUAN' || !settings.pemindahbukuan) {
    throw new DomainError(
      'CONFLICT',
      'NOT_VIA_BENDAHARA',
      'Pemda ini membayar gaji langsung dari SP2D ke rekening pegawai: tidak ada surat pemindahbukuan',
    );
  }
  const account = pickAccount(ctx);
  const slips = accountSlips(ctx, account);
  const id = format === 'PDF' ? 'pemindahbukuan-pdf' : 'pemindahbukuan-xlsx';
  assertReady(
    id,
    bankTransfers(ctx.inputs, account, id).issues.filter((i) => i.column === 'rekening'),
  );
  const { rows, totals } = pemindahbukuanRows(slips);
  const doc = {
    tenantName: ctx.tenantName,
    run: ctx.ref,
    account,
    unit: ctx.query.opd ?? account.label,
    letter: settings.pemindahbukuan,
    settingsVersion: settings.version,
    ...(ctx.query.nomor ? { nomor: ctx.query.nomor } : {}),
    tanggal: ctx.query.valueDate ?? ctx.today,
    rows,
    totals,
    createdAt: ctx.createdAt,
  };
  const content = format === 'PDF' ? await renderPemindahbukuanPdf(doc) : await renderPemindahbukuanXlsx(doc);
  const stem = `pemindahbukuan-${ctx.ref.runId}-${ctx.ref.runState}-${account.id}.${format.toLowerCase()}`;
  return {
    content,
    contentType: format === 'PDF' ? 'application/pdf' : XLSX,
    fileName: stateFileName(ctx.ref, stem),
    run: ctx.ref,
    template: `pemindahbukuan-s2@${settings.version}`,
    rows: rows.length,
    total: totals.net,
    account: account.id,
  };
}

async function iuranRecap(ctx: BuildContext, which: 'bpjs-kesehatan' | 'taspen'): Promise<BuiltFile> {
  const { slips, facts, settings } = ctx.inputs;
  const recap =
    which === 'bpjs-kesehatan' ? bpjsKesehatanRecap(which, slips, facts) : taspenRecap(which, slips);
  assertReady(which, recap.issues);
  const layout = reportLayout(
    which === 'bpjs-kesehatan' ? settings.layouts.bpjsKesehatan : settings.layouts.taspen,
  );
  const content = await renderIuranRecapXlsx(recap, layout, {
    tenantName: ctx.tenantName,
    run: ctx.ref,
    createdAt: ctx.createdAt,
  });
  const stem = `${which}-${ctx.ref.runId}-${ctx.ref.runState}${ctx.query.opd ? `-${fileSlug(ctx.query.opd)}` : ''}.xlsx`;
  return {
    content,
    contentType: XLSX,
    fileName: stateFileName(ctx.ref, stem),
    run: ctx.ref,
    template: `${layout.id}@${layout.version}`,
    rows: recap.employees.length,
    total: Number(recap.total[which === 'bpjs-kesehatan' ? 'jumlah' : 'iwp'] ?? 0),
  };
}

function sipd(ctx: BuildContext, list: 'GAJI' | 'TPP'): BuiltFile {
  const opd = ctx.query.opd;
  if (!opd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
      { path: 'query.opd', message: 'daftar SIPD dibuat per OPD' },
    ]);
  }
  const id = list === 'GAJI' ? 'sipd-gaji' : 'sipd-tpp';
  const built = buildSipdList(
    id,
    ctx.inputs.slips,
    list === 'GAJI' ? SIPD_GAJI_LAYOUT : SIPD_TPP_LAYOUT,
    ctx.inputs.facts,
  );
  assertReady(id, built.issues);
  const body = toCsv(built.header, built.records);
  const text = ctx.ref.exportState === 'PREVIEW' ? `${PREVIEW_MARK}\r\n${body}` : body;
  return {
    content: Buffer.from(text, 'utf8'),
    contentType: CSV,
    fileName: stateFileName(ctx.ref, `${id}-${ctx.ref.runId}-${ctx.ref.runState}-${fileSlug(opd)}.csv`),
    run: ctx.ref,
    template: SIPD_LAYOUT_VERSION,
    rows: built.records.length,
    total: built.totals.bersih,
  };
}

/** Daftar potongan per kreditur (per OPD when asked) or the remittance per creditor, from the stored slips. */
async function potongan(
  ctx: BuildContext,
  id: 'potongan-kreditur' | 'rekap-potongan-kreditur',
): Promise<BuiltFile> {
  const { slips } = ctx.inputs;
  assertReady(
    id,
    creditorReadiness(slips).filter((i) => i.exportId === id),
  );
  const doc = { tenantName: ctx.tenantName, run: ctx.ref, createdAt: ctx.createdAt };
  const built =
    id === 'potongan-kreditur'
      ? await renderDaftarPotongan(slips, doc, ctx.query.creditor)
      : await renderRemittance(slips, doc);
  const parts = [
    id,
    ctx.ref.runId,
    ctx.ref.runState,
    ctx.query.opd && fileSlug(ctx.query.opd),
    ctx.query.creditor,
  ];
  return {
    content: built.content,
    contentType: XLSX,
    fileName: stateFileName(ctx.ref, `${parts.filter(Boolean).join('-')}.xlsx`),
    run: ctx.ref,
    template: 'potongan-lain-6@2026',
    rows: built.rows,
    total: built.total,
  };
}

export async function buildExport(id: RunExportId, ctx: BuildContext): Promise<BuiltFile> {
  switch (id) {
    case 'bank-file':
      return bankFile(ctx);
    case 'pemindahbukuan-pdf':
      return pemindahbukuan(ctx, 'PDF');
    case 'pemindahbukuan-xlsx':
      return pemindahbukuan(ctx, 'XLSX');
    case 'bpjs-kesehatan':
    case 'taspen':
      return iuranRecap(ctx, id);
    case 'sipd-gaji':
      return sipd(ctx, 'GAJI');
    case 'sipd-tpp':
      return sipd(ctx, 'TPP');
    case 'potongan-kreditur':
    case 'rekap-potongan-kreditur':
      return potongan(ctx, id);
  }
}
