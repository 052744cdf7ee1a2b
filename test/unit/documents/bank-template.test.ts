import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBankFile } from '../../../core/reports/bank-file';
import { type BankTemplate, BankTemplateError, parseBankTemplate } from '../../../core/reports/bank-template';
import type { ExportRunRef } from '../../../core/reports/export-state';
import { checkTransfers, type TransferCandidate } from '../../../core/reports/transfers';

const load = (id: string): BankTemplate =>
  parseBankTemplate(
    JSON.parse(readFileSync(new URL(`../../../rulesets/bank-templates/${id}.json`, import.meta.url), 'utf8')),
    `${id}.json`,
  );
const golden = (name: string) => readFileSync(new URL(`../../fixtures/bank/${name}`, import.meta.url));

const LOCKED: ExportRunRef = {
  runId: '2026-11-GAJI_TPP',
  month: '2026-11',
  runState: 'LOCKED',
  exportState: 'FINAL',
};
const CTX = { run: LOCKED, valueDate: '2026-11-28', debitAccount: '1370012345678', accountId: 'rkud' };
const KNOWN = new Set(['008', '112']);

/** The two transfers of the golden files (test/fixtures/bank/README.md), plus one with nothing to pay. */
const CANDIDATES: TransferCandidate[] = [
  {
    nip: '198503152010011002',
    nama: 'Budi Santoso, S.T.',
    opd: 'DISDIK',
    amount: 4_491_800,
    account: {
      bank: 'Bank Mandiri',
      bankCode: '008',
      accountNumber: '137-000-765-4321',
      accountName: 'Budi Santoso, S.T.',
    },
  },
  {
    nip: '199003112015032001',
    nama: 'Siti Rahma, S.Pd.',
    opd: 'DISDIK',
    amount: 3_772_800,
    account: {
      bank: 'Bank Mandiri',
      bankCode: '008',
      accountNumber: '1370099887766',
      accountName: 'Siti Rahma, S.Pd.',
    },
  },
  {
    nip: '199201012019031003',
    nama: 'Tanpa Bayar',
    opd: 'DISDIK',
    amount: 0,
    account: {
      bank: 'Bank Mandiri',
      bankCode: '008',
      accountNumber: '1370011112222',
      accountName: 'Tanpa Bayar',
    },
  },
];

describe('bank templates as data', () => {
  it('should write the Mandiri MCM bulk file byte for byte as the golden file typed from §3.1', () => {
    const template = load('mandiri-mcm-bulk');
    const checked = checkTransfers('bank-file', CANDIDATES, template, KNOWN);

    const file = renderBankFile(template, checked.transfers, CTX);

    expect(checked.issues).toEqual([]);
    expect(checked.excluded.map((e) => e.nip)).toEqual(['199201012019031003']);
    expect(file.content.toString('latin1')).toBe(golden('mandiri-mcm-bulk.golden.csv').toString('latin1'));
    expect(file.total).toBe(8_264_600);
    expect(file.fileName).toBe('mcm-2026-11-GAJI_TPP-LOCKED-rkud-20261128-v2026-12-03.1.csv');
    expect(`${file.templateId}@${file.templateVersion}`).toBe('mandiri-mcm-bulk@2026-12-03.1');
  });

  it('should write the generic CSV byte for byte as the golden file of SIGAP’s documented format', () => {
    const template = load('generic-csv');
    const checked = checkTransfers('bank-file', CANDIDATES, template, KNOWN);

    const file = renderBankFile(template, checked.transfers, CTX);

    expect(file.content.equals(golden('generic-csv.golden.csv'))).toBe(true);
    expect(file.fileName).toBe('transfer-2026-11-GAJI_TPP-LOCKED-rkud-v2026-12-03.1.csv');
  });

  it('should mark a preview (approved run) in the first line and the file name', () => {
    const template = load('generic-csv');
    const checked = checkTransfers('bank-file', CANDIDATES, template, KNOWN);

    const file = renderBankFile(template, checked.transfers, {
      ...CTX,
      run: { ...LOCKED, runState: 'APPROVED', exportState: 'PREVIEW' },
    });

    expect(file.content.toString('utf8').split('\r\n')[0]).toBe('PRATINJAU — BUKAN UNTUK PEMBAYARAN');
    expect(file.fileName).toBe('PRATINJAU-transfer-2026-11-GAJI_TPP-APPROVED-rkud-v2026-12-03.1.csv');
  });

  it('should list account, name and bank code problems as entries and keep them out of the file', () => {
    const template = load('mandiri-mcm-bulk');
    const bad: TransferCandidate[] = [
      { nip: '1', nama: 'Tanpa Rekening', opd: 'X', amount: 10 },
      {
        nip: '2',
        nama: 'Huruf',
        opd: 'X',
        amount: 10,
        account: { bank: 'Bank Mandiri', bankCode: '008', accountNumber: '12AB5678', accountName: 'Huruf' },
      },
      {
        nip: '3',
        nama: 'Tanpa Nama',
        opd: 'X',
        amount: 10,
        account: { bank: 'Bank Mandiri', bankCode: '008', accountNumber: '123456789', accountName: ' ,. ' },
      },
      {
        nip: '4',
        nama: 'Tanpa Kode',
        opd: 'X',
        amount: 10,
        account: { bank: 'Bank Mandiri', accountNumber: '223456789', accountName: 'Tanpa Kode' },
      },
      {
        nip: '5',
        nama: 'Kode Asing',
        opd: 'X',
        amount: 10,
        account: {
          bank: 'Bank Antah',
          bankCode: '777',
          accountNumber: '323456789',
          accountName: 'Kode Asing',
        },
      },
      {
        nip: '6',
        nama: 'Antarbank',
        opd: 'X',
        amount: 10,
        account: { bank: 'BPD DIY', bankCode: '112', accountNumber: '423456789', accountName: 'Antarbank' },
      },
      {
        nip: '7',
        nama: 'Ganda A',
        opd: 'X',
        amount: 10,
        account: {
          bank: 'Bank Mandiri',
          bankCode: '008',
          accountNumber: '523456789',
          accountName: 'Ganda A',
        },
      },
      {
        nip: '8',
        nama: 'Ganda B',
        opd: 'X',
        amount: 10,
        account: {
          bank: 'Bank Mandiri',
          bankCode: '008',
          accountNumber: '5234-56789',
          accountName: 'Ganda B',
        },
      },
    ];

    const checked = checkTransfers('bank-file', bad, template, KNOWN);

    expect(checked.issues.map((i) => [i.nip, i.column])).toEqual([
      ['1', 'rekening'],
      ['2', 'rekening'],
      ['3', 'nama_rekening'],
      ['4', 'kode_bank'],
      ['5', 'kode_bank'],
      ['6', 'kode_bank'],
      ['8', 'rekening'],
    ]);
    expect(checked.issues.find((i) => i.nip === '6')?.message).toContain(
      'hanya untuk transfer sesama Bank Mandiri',
    );
    expect(checked.transfers.map((t) => t.nip)).toEqual(['7']);
  });

  it('should refuse a template without widths for FIXED_WIDTH, naming each field', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../rulesets/bank-templates/generic-csv.json', import.meta.url), 'utf8'),
    );

    const parse = () =>
      parseBankTemplate({ ...raw, fileType: 'FIXED_WIDTH', separator: undefined }, 'x.json');

    expect(parse).toThrow(BankTemplateError);
    expect(parse).toThrow(/detail\.fields\.0\.width: wajib untuk FIXED_WIDTH; detail\.fields\.1\.width/);
  });

  it('should refuse COUNT in a detail record and a CONST without value', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../rulesets/bank-templates/generic-csv.json', import.meta.url), 'utf8'),
    );
    raw.detail.fields.push({ name: 'n', source: 'COUNT' }, { name: 'c', source: 'CONST' });

    expect(() => parseBankTemplate(raw, 'x.json')).toThrow(
      /detail\.fields\.4\.source: COUNT hanya untuk header\/trailer; detail\.fields\.5\.value: wajib untuk CONST/,
    );
  });

  it('should pad and align fixed-width fields (a test template, not a bank’s format)', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../rulesets/bank-templates/generic-csv.json', import.meta.url), 'utf8'),
    );
    const template = parseBankTemplate(
      {
        ...raw,
        id: 'test-fixed',
        fileType: 'FIXED_WIDTH',
        separator: undefined,
        columnNames: false,
        detail: {
          fields: [
            { name: 'rek', source: 'ACCOUNT', width: 15 },
            { name: 'nama', source: 'NAME', width: 10 },
            { name: 'jumlah', source: 'AMOUNT', width: 12 },
          ],
        },
        trailer: { fields: [{ name: 't', source: 'TOTAL', width: 15 }] },
      },
      'test-fixed.json',
    );
    const checked = checkTransfers('bank-file', CANDIDATES.slice(0, 1), template, KNOWN);

    const text = renderBankFile(template, checked.transfers, CTX).content.toString('utf8');

    expect(text).toBe('1370007654321  Budi Santo000004491800\r\n000000004491800\r\n');
  });
});
