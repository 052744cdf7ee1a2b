import { describe, expect, it } from 'vitest';
import {
  assertExportable,
  DRAFT_WATERMARK,
  RunNotApprovedError,
  renderBankTransfer,
} from '../../../functions/payroll/documents';
import { anEmployeeSlip, aRun, aSlipHeader, aStoredSlip, someSlips } from '../../fixtures/slips';
import { parseCsv } from './csv-parse';

const OPD = 'Dinas Pendidikan';

describe('renderBankTransfer', () => {
  it('should list rekening, nama, jumlah = bersih and referensi = runId/nip for the OPD', () => {
    const slips = [...someSlips(4), anEmployeeSlip(8, 'Dinas Kesehatan')];

    const file = renderBankTransfer(slips, aRun(), { groupBy: 'OPD', value: OPD });

    const [header, ...rows] = parseCsv(file.csv);
    expect(header).toEqual(['rekening', 'nama', 'jumlah', 'referensi']);
    expect(rows).toEqual(
      slips
        .slice(0, 4)
        .map((s) => [
          s.header.bank?.accountNumber,
          s.header.bank?.accountName,
          String(s.slip.totals.bersih),
          `2026-11-GAJI_TPP/${s.header.nip}`,
        ]),
    );
    expect(file.rows).toBe(4);
    expect(file.total).toBe(slips.slice(0, 4).reduce((s, x) => s + x.slip.totals.bersih, 0));
    expect(rows.reduce((s, r) => s + Number(r[2]), 0)).toBe(file.total);
    expect(file.fileName).toBe('transfer-2026-11-GAJI_TPP-opd-dinas-pendidikan.csv');
  });

  it('should write integer amounts without separators and CRLF line ends', () => {
    const file = renderBankTransfer(someSlips(2), aRun(), { groupBy: 'OPD', value: OPD });

    expect(file.csv.endsWith('\r\n')).toBe(true);
    expect(
      file.csv
        .split('\r\n')
        .slice(1, -1)
        .every((line) => /;\d+;/.test(line)),
    ).toBe(true);
  });

  it('should quote names holding the separator, commas or quotes (RFC 4180)', () => {
    const slip = aStoredSlip({
      header: {
        bank: { bank: 'BRI', accountNumber: '0099 8877 66', accountName: 'Siti "Ina" Rahma, S.Pd.; M.Pd.' },
      },
    });

    const file = renderBankTransfer([slip], aRun(), { groupBy: 'OPD', value: OPD });

    expect(file.csv).toContain('0099887766;"Siti ""Ina"" Rahma, S.Pd.; M.Pd.";');
    expect(parseCsv(file.csv)[1]?.[1]).toBe('Siti "Ina" Rahma, S.Pd.; M.Pd.');
  });

  it('should report employees without a bank account instead of dropping them', () => {
    const noAccount = aStoredSlip({
      header: aSlipHeader({ nip: '199001012020011001', nama: 'Tanpa Rekening', bank: undefined }),
    });
    const slips = [noAccount, ...someSlips(2)];

    const file = renderBankTransfer(slips, aRun(), { groupBy: 'OPD', value: OPD });

    expect(file.rows).toBe(2);
    expect(file.missing).toEqual([
      expect.objectContaining({
        nip: '199001012020011001',
        reason: 'TANPA_REKENING',
        jumlah: noAccount.slip.totals.bersih,
      }),
    ]);
    expect(file.csv).not.toContain('199001012020011001');
  });

  it('should group by bank and report every slip without an account with each bank file', () => {
    const slips = [
      ...someSlips(4),
      aStoredSlip({ header: { nip: '199001012020011009', opd: 'Dinas Kesehatan', bank: undefined } }),
    ];

    const bri = renderBankTransfer(slips, aRun(), { groupBy: 'BANK', value: 'BRI' });

    expect(bri.rows).toBe(2);
    expect(
      parseCsv(bri.csv)
        .slice(1)
        .map((r) => r[3]),
    ).toEqual(
      slips.filter((s) => s.header.bank?.bank === 'BRI').map((s) => `2026-11-GAJI_TPP/${s.header.nip}`),
    );
    expect(bri.missing.map((m) => m.nip)).toEqual(['199001012020011009']);
  });

  it('should start a draft file with the DRAFT line so no bank accepts it', () => {
    const file = renderBankTransfer(someSlips(1), aRun({ state: 'DRAFT' }), { groupBy: 'OPD', value: OPD });

    expect(file.csv.startsWith(`${DRAFT_WATERMARK}\r\n`)).toBe(true);
    expect(file.fileName.startsWith('DRAFT-')).toBe(true);
  });
});

describe('assertExportable', () => {
  it('should refuse to export a DRAFT run with RUN_NOT_APPROVED and an Indonesian message', () => {
    const run = aRun({ state: 'DRAFT' });

    const attempt = () => assertExportable(run, { preview: false });

    expect(attempt).toThrow(RunNotApprovedError);
    expect(attempt).toThrow(/masih berstatus DRAFT/);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'CONFLICT', code: 'RUN_NOT_APPROVED' });
    }
  });

  it('should allow a preview of a DRAFT run and any use of an APPROVED or LOCKED run', () => {
    expect(() => assertExportable(aRun({ state: 'DRAFT' }), { preview: true })).not.toThrow();
    expect(() => assertExportable(aRun({ state: 'APPROVED' }), { preview: false })).not.toThrow();
    expect(() => assertExportable(aRun({ state: 'LOCKED' }), { preview: false })).not.toThrow();
  });
});
