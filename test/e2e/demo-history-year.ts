import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unitIdOf } from '../../functions/appraisal/settings';
import { type DemoUser, demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { teamResults } from '../../infra/local/seed/tenant-story';
import { gajiPokokPns } from '../support/gaji-pokok-reference';
import type { TestApi } from '../support/local-api';
import { extractPdfText } from '../unit/documents/pdf-text';

// Checks on the demo history of test/e2e/demo-history.test.ts (one seed for all of them: each history seed costs a minute).
export function payrollYearDemo(api: () => TestApi): void {
  /**
   * Issue #15 "done when", on the demo history over HTTP as the demo users: THR and gaji 13 on Binjai's
   * last locked month (no deductions, tunjangan PPh = potongan PPh, the masa's PPh = TER of its summed
   * bruto by the reference table), a late KP on Bukitintan paid through a RAPEL list and its bank file and
   * not again in December, Bukitintan's seeded koperasi and zakat on the slips, the transfer and the
   * daftar per kreditur, and Sofifi's insentif prestasi (Bantul none). Runs after the other demo checks:
   * it adds runs to the locked month, which they read.
   */
  // biome-ignore lint/suspicious/noExplicitAny: JSON read loosely, as a client would.
  type Json = any;
  type Line = { code: string; kind: string; group: string; amount: number; ruleId?: string };

  const TER = JSON.parse(
    readFileSync(new URL('../../../shared/domain/pph21-ter-bulanan.json', import.meta.url), 'utf8'),
  ) as {
    categoryByPtkp: Record<string, string>;
    categories: Record<string, { maxBruto: number | null; ratePercent: number }[]>;
  };
  /** PPh 21 TER of a month's bruto by the reference table: bruto × rate, the whole bruto, rupiah truncated. */
  function terPph(ptkp: string, bruto: number): number {
    const rows = TER.categories[TER.categoryByPtkp[ptkp] as string]!;
    const row = rows.find((r) => r.maxBruto === null || r.maxBruto >= bruto)!;
    return Math.floor((bruto * Math.round(row.ratePercent * 100)) / 10_000);
  }

  const userOf = (tenant: string, label: DemoUser['label']) =>
    demoUsersFor(tenant).find((u) => u.label === label) as DemoUser;

  async function send(tenant: string, who: DemoUser, method: string, path: string, body?: unknown) {
    const token = await api().token({ tenant, sub: who.sub, roles: who.roles, opds: who.opds });
    const res = await fetch(`${api().url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    const text = buffer.toString('utf8');
    let json: Json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, buffer, headers: res.headers };
  }
  const asBkpsdm = (tenant: string, path: string) => send(tenant, userOf(tenant, 'bkpsdm'), 'GET', path);

  async function slipsOf(tenant: string, runId: string): Promise<Json[]> {
    const items: Json[] = [];
    let next: string | undefined;
    do {
      const page = await asBkpsdm(
        tenant,
        `/runs/${runId}/slips?limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
      );
      expect(page.status, page.text.slice(0, 300)).toBe(200);
      items.push(...page.json.items);
      next = page.json.nextToken;
    } while (next);
    return items;
  }
  const slipOf = async (tenant: string, runId: string, nip: string) => {
    const res = await asBkpsdm(tenant, `/runs/${runId}/slips/${nip}`);
    expect(res.status, `${runId} ${nip} ${res.text.slice(0, 300)}`).toBe(200);
    return { ...res.json, nip };
  };
  const linesOf = (slip: Json) => slip.slip.lines as Line[];
  const sumOf = (lines: Line[], pick: (l: Line) => boolean) =>
    lines.filter(pick).reduce((s, l) => s + l.amount, 0);

  /**
   * The operator starts the run, BKPSDM approves and locks it (four eyes), as the console does. Error
   * entries with one of the `excusable` codes are excluded by BKPSDM with a reason (then its second user
   * approves); any other error entry fails the test.
   */
  async function payRun(tenant: string, month: string, kind: string, excusable: readonly string[] = []) {
    const started = await send(tenant, userOf(tenant, 'operator'), 'POST', '/runs', { month, kind });
    expect(started.status, started.text.slice(0, 500)).toBe(201);
    let run = started.json;
    const deadline = performance.now() + 120_000;
    while (run.state === 'DRAFT' && !(run.counts.chunks > 0 && run.counts.chunksDone === run.counts.chunks)) {
      expect(performance.now() < deadline, `${run.id} still computing`).toBe(true);
      await new Promise((r) => setTimeout(r, 250));
      run = (await asBkpsdm(tenant, `/runs/${run.id}`)).json;
    }
    const errors = (await asBkpsdm(tenant, `/runs/${run.id}/errors`)).json.items as Json[];
    const open = errors.filter((e) => !e.excluded);
    expect(
      open.filter((e) => !excusable.includes(e.code)),
      `${tenant} ${run.id}`,
    ).toEqual([]);
    let bkpsdm = userOf(tenant, 'bkpsdm');
    for (const e of open) {
      const excluded = await send(tenant, bkpsdm, 'POST', `/runs/${run.id}/exclusions`, {
        nip: e.nip,
        reason: `${e.code}: diputuskan di luar daftar ini (${e.field})`,
      });
      expect(excluded.status, excluded.text.slice(0, 300)).toBeLessThan(300);
    }
    if (open.length > 0) bkpsdm = userOf(tenant, 'penyetuju-aturan');
    const approved = await send(tenant, bkpsdm, 'POST', `/runs/${run.id}/approve`, {
      acknowledgeBudget: true,
    });
    expect(approved.status, approved.text.slice(0, 500)).toBe(200);
    const locked = await send(tenant, bkpsdm, 'POST', `/runs/${run.id}/lock`, {});
    expect(locked.status, locked.text.slice(0, 500)).toBe(200);
    expect(locked.json.state).toBe('LOCKED');
    return run.id as string;
  }

  /** The bank files of a run over every source account that pays it: rows and the file totals. */
  async function bankFiles(tenant: string, runId: string) {
    const path = `/runs/${runId}/exports/bank-file`;
    let first = await asBkpsdm(tenant, path);
    const files: { text: string; total: number }[] = [];
    if (first.status === 400 && first.json?.error?.issues?.[0]?.path === 'query.account') {
      const choices = String(first.json.error.issues[0].message).split('pilihan: ')[1]!.split(', ');
      for (const account of choices) {
        first = await asBkpsdm(tenant, `${path}?account=${encodeURIComponent(account)}`);
        if (first.status === 404) continue;
        expect(first.status, first.text.slice(0, 300)).toBe(200);
        files.push({ text: first.text, total: Number(first.headers.get('x-sigap-total')) });
      }
    } else {
      expect(first.status, first.text.slice(0, 300)).toBe(200);
      files.push({ text: first.text, total: Number(first.headers.get('x-sigap-total')) });
    }
    return {
      text: files.map((f) => f.text).join('\n'),
      total: files.reduce((s, f) => s + f.total, 0),
    };
  }
  /** The bank file's row for one account number (the amount the bank transfers to it). */
  const rowOf = (file: string, accountNumber: string) =>
    file.split(/\r?\n/).filter((l) => l.includes(accountNumber));

  async function cellsOf(buffer: Buffer): Promise<unknown[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    return cells;
  }

  const historyOf = (tenant: string) => api().history.find((h) => h.tenant === tenant)!;
  const lastLocked = (tenant: string) => [...historyOf(tenant).payMonths].sort().at(-1) as string;

  describe('THR and gaji 13 on the demo history of binjai (issue 15)', () => {
    const tenant = 'binjai';
    // Error entries A's kinds raise for a decision outside the list (new hire, CLTN, last masa).
    const EXCUSABLE = ['BASE_MONTH_NOT_IN_SERVICE', 'NOT_ELIGIBLE', 'LAST_MASA'];
    it('should pay both in the last locked month without deductions, taxed with the month’s gaji by TER', async () => {
      const month = lastLocked(tenant);
      const ids: Record<string, string> = {};
      for (const kind of ['THR', 'GAJI13']) {
        // Appointed after the base month (February): the reference leaves them open (gaji13-thr.md §11),
        // SIGAP makes them an error entry for a manual decision; here BKPSDM excludes them.
        const runId = await payRun(tenant, month, kind, EXCUSABLE);
        ids[kind] = runId;
        const slips = await slipsOf(tenant, runId);
        expect(slips.length, kind).toBeGreaterThan(0.8 * generateTenantSeed(tenant).members.length);
        let takeHome = 0;
        for (const s of slips) {
          const slip = await slipOf(tenant, runId, s.nip);
          const lines = linesOf(slip);
          // No iuran, no other deduction: the only potongan is the PPh, borne by the government.
          const potongan = lines.filter((l) => l.kind === 'POTONGAN');
          for (const l of potongan) expect(l.code, `${kind} ${s.nip}`).toMatch(/^POT_PPH21(_TPP)?$/);
          expect(slip.deductions?.inList ?? [], s.nip).toEqual([]);
          expect(slip.deductions?.postList ?? [], s.nip).toEqual([]);
          expect(sumOf(lines, (l) => /^TUNJ_PPH21/.test(l.code))).toBe(sumOf(potongan, () => true));
          takeHome += slip.deductions?.takeHome ?? slip.slip.totals.bersih;
        }
        expect((await bankFiles(tenant, runId)).total, `${kind} bank file`).toBe(takeHome);
      }

      // One employee with PPh to pay: Σ PPh of the month's three lists = TER on their summed bruto.
      const regular = `${month}-GAJI_TPP`;
      const thrSlips = await Promise.all(
        (await slipsOf(tenant, ids.THR!)).map((s) => slipOf(tenant, ids.THR!, s.nip)),
      );
      const taxed = thrSlips
        .filter((s) => sumOf(linesOf(s), (l) => l.code === 'POT_PPH21') > 0)
        .sort((a, b) => a.slip.meta.taxFacts.brutoGaji - b.slip.meta.taxFacts.brutoGaji)
        .at(-1);
      expect(taxed, 'a THR slip with PPh').toBeDefined();
      const nip = taxed.nip as string;
      const lists = [await slipOf(tenant, regular, nip), taxed, await slipOf(tenant, ids.GAJI13!, nip)];
      const facts = lists.map((s) => s.slip.meta.taxFacts);
      const bruto = facts.reduce((t, f) => t + f.brutoGaji + f.brutoTpp, 0);
      const pph = facts.reduce((t, f) => t + f.pphGaji + (f.brutoTpp > 0 ? f.pphTpp : 0), 0);
      const employee = await asBkpsdm(tenant, `/employees/${nip}`);
      expect(employee.status).toBe(200);
      expect(pph, `${nip} ${employee.json.ptkpStatus} bruto ${bruto}`).toBe(
        terPph(employee.json.ptkpStatus, bruto),
      );
      expect(facts[1].pphGaji).toBeGreaterThan(0);

      // Their own documents, titled as such: daftar (XLSX), slip PDF.
      const opd = taxed.header?.opd ?? employee.json.penempatan.opd;
      for (const [kind, title, slipTitle] of [
        ['THR', 'DAFTAR TUNJANGAN HARI RAYA (THR) PEGAWAI', 'SLIP TUNJANGAN HARI RAYA (THR)'],
        ['GAJI13', 'DAFTAR GAJI KETIGA BELAS (GAJI KE-13) PEGAWAI', 'SLIP GAJI KETIGA BELAS (GAJI KE-13)'],
      ] as const) {
        const daftar = await asBkpsdm(tenant, `/runs/${ids[kind]}/documents/daftar-gaji?opd=${opd}`);
        expect(daftar.status, daftar.text.slice(0, 300)).toBe(200);
        expect(await cellsOf(daftar.buffer)).toContain(title);
        const pdf = await asBkpsdm(tenant, `/runs/${ids[kind]}/slips/${nip}/pdf`);
        expect(pdf.status, pdf.text.slice(0, 300)).toBe(200);
        expect(extractPdfText(pdf.buffer).text).toContain(slipTitle);
      }
    }, 300_000);
  });

  describe('a late KP on the demo history of bukitintan (issue 15)', () => {
    const tenant = 'bukitintan';
    it('should pay the kekurangan of the locked months through a RAPEL list and its bank file, and not again', async () => {
      const payMonths = [...historyOf(tenant).payMonths].sort();
      const month = payMonths.at(-1) as string;
      const tmt = `${payMonths[0]}-01`;
      const bkpsdm = userOf(tenant, 'bkpsdm');
      // A PNS whose golongan has a next step in the same ruang, paid on the locked lists.
      const nextGolongan = (g: string) =>
        g.replace(/[a-d]$/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
      const candidates = generateTenantSeed(tenant).members.filter(
        (m) =>
          m.employee.kepegawaian.jenisAsn === 'PNS' &&
          m.employee.kepegawaian.status === 'AKTIF' &&
          !m.employee.tmtEnd &&
          /^(II|III)\/[a-c]$|^IV\/[a-d]$/.test(m.employee.pangkat.golongan),
      );
      const nip = candidates[0]!.employee.nip;
      const before = await Promise.all(payMonths.map((m) => slipOf(tenant, `${m}-GAJI_TPP`, nip)));
      const oldGapok = before.map((s) => sumOf(linesOf(s), (l) => l.code === 'GAJI_POKOK'));
      const emp = await asBkpsdm(tenant, `/employees/${nip}`);
      const from = emp.json.pangkat.golongan as string;
      const to = nextGolongan(from);
      const kp = await send(tenant, bkpsdm, 'PATCH', `/employees/${nip}`, {
        expectedVersion: emp.json.version,
        effectiveFrom: tmt,
        reason: `SK kenaikan pangkat terlambat (TMT ${tmt})`,
        pangkat: { golongan: to, tmt },
      });
      expect(kp.status, kp.text.slice(0, 500)).toBe(200);

      const runId = await payRun(tenant, month, 'RAPEL');
      expect(runId).toBe(`${month}-RAPEL`);
      const slip = await slipOf(tenant, runId, nip);
      // Each locked month from the TMT: the PP 5/2024 grid step from the old golongan to the new, same MKG.
      const diffs = oldGapok.map((old) => {
        const mkg = Array.from({ length: 34 }, (_, y) => y).find((y) => gajiPokokPns(from, y) === old);
        expect(mkg, `MKG of ${from} paying ${old}`).toBeDefined();
        return gajiPokokPns(to, mkg as number) - old;
      });
      const expected = diffs.reduce((a, b) => a + b, 0);
      expect(expected).toBeGreaterThan(0);
      expect(sumOf(linesOf(slip), (l) => l.code === 'GAJI_POKOK')).toBe(expected);
      expect(slip.slip.meta.rapel.months.map((m: Json) => m.month)).toEqual(payMonths);
      const paid = slip.deductions?.takeHome ?? slip.slip.totals.bersih;
      expect(paid).toBeGreaterThan(0);
      const bank = await bankFiles(tenant, runId);
      const row = rowOf(bank.text, emp.json.bankAccount.accountNumber);
      expect(row, bank.text.slice(0, 500)).toHaveLength(1);
      expect(row[0]).toContain(String(paid));
      const daftar = await asBkpsdm(
        tenant,
        `/runs/${runId}/documents/daftar-gaji?opd=${emp.json.penempatan.opd}`,
      );
      expect(daftar.status, daftar.text.slice(0, 300)).toBe(200);
      expect(await cellsOf(daftar.buffer)).toContain('DAFTAR KEKURANGAN GAJI (RAPEL) PEGAWAI');

      // The next regular run pays the new gaji pokok and no difference for the months already paid.
      const operator = userOf(tenant, 'operator');
      const current = historyOf(tenant).current as string;
      const next = await send(tenant, operator, 'POST', '/runs', { month: current });
      expect(next.status, next.text.slice(0, 300)).toBe(201);
      const dec = await slipOf(tenant, next.json.id, nip);
      expect(dec.corrections ?? []).toEqual([]);
      expect(linesOf(dec).filter((l) => /rapel|kekurangan/i.test(`${l.ruleId} ${l.code}`))).toEqual([]);
      // (December may add a periodic MKG step, never less than the new grid of the last locked month.)
      expect(sumOf(linesOf(dec), (l) => l.code === 'GAJI_POKOK')).toBeGreaterThanOrEqual(
        oldGapok.at(-1)! + diffs.at(-1)!,
      );
      // Starting the month's RAPEL again returns the locked list (200), nothing recomputed.
      const again = await send(tenant, operator, 'POST', '/runs', { month, kind: 'RAPEL' });
      expect(again.status).toBe(200);
      expect(again.json.state).toBe('LOCKED');
    }, 300_000);
  });

  describe('potongan lain on the demo history of bukitintan (issue 15)', () => {
    const tenant = 'bukitintan';
    it('should show koperasi and zakat on the slip, pay the take-home, and sum them per kreditur', async () => {
      const runId = `${lastLocked(tenant)}-GAJI_TPP`;
      const slips = await Promise.all(
        (await slipsOf(tenant, runId)).map((s) => slipOf(tenant, runId, s.nip)),
      );
      const withKoperasi = slips.filter((s) =>
        (s.deductions?.postList ?? []).some((p: Json) => p.category === 'KOPERASI' && p.taken > 0),
      );
      const withZakat = slips.filter((s) =>
        (s.deductions?.inList ?? []).some((p: Json) => p.category === 'ZAKAT' && p.taken > 0),
      );
      expect(withKoperasi.length).toBeGreaterThan(0);
      expect(withZakat.length).toBeGreaterThan(0);
      for (const s of slips.filter((x) => x.deductions)) {
        const d = s.deductions;
        const taken = (ps: Json[]) => ps.reduce((t, p) => t + p.taken, 0);
        expect(d.takeHome, s.nip).toBe(s.slip.totals.bersih - taken(d.inList) - taken(d.postList));
      }
      // Zakat 2,5 % of gaji pokok (the tenant's demo rule), rounded down to the rupiah.
      for (const s of withZakat) {
        const zakat = s.deductions.inList.find((p: Json) => p.category === 'ZAKAT');
        const gapok = sumOf(linesOf(s), (l) => l.code === 'GAJI_POKOK');
        expect(zakat.taken).toBe(Math.floor((gapok * 250) / 10_000));
      }
      // The KPRI loan: 6.000.000 over 12 instalments.
      for (const s of withKoperasi) {
        const kop = s.deductions.postList.find((p: Json) => p.category === 'KOPERASI');
        expect(kop.due - kop.arrearIn).toBe(500_000);
        expect(kop.taken).toBeGreaterThan(0);
      }

      // The transfer is the take-home, employee by employee.
      const bank = await bankFiles(tenant, runId);
      expect(bank.total).toBe(
        slips.reduce((t, s) => t + (s.deductions?.takeHome ?? s.slip.totals.bersih), 0),
      );
      const saver = withKoperasi[0];
      const account = (await asBkpsdm(tenant, `/employees/${saver.nip}`)).json.bankAccount.accountNumber;
      const row = rowOf(bank.text, account);
      expect(row).toHaveLength(1);
      expect(row[0]).toContain(String(saver.deductions.takeHome));
      expect(row[0]).not.toContain(String(saver.slip.totals.bersih));

      // Daftar potongan per kreditur (per OPD) and the remittance per creditor total the slips' postings.
      const byType = new Map<string, number>();
      const byOpd = new Map<string, number>();
      for (const s of slips) {
        for (const p of [...(s.deductions?.inList ?? []), ...(s.deductions?.postList ?? [])]) {
          byType.set(p.typeCode, (byType.get(p.typeCode) ?? 0) + p.taken);
          if (p.typeCode === 'KOPERASI') {
            const opd = s.header?.opd ?? s.opd;
            byOpd.set(opd, (byOpd.get(opd) ?? 0) + p.taken);
          }
        }
      }
      for (const [opd, total] of byOpd) {
        const daftar = await asBkpsdm(
          tenant,
          `/runs/${runId}/exports/potongan-kreditur?opd=${opd}&creditor=KOPERASI`,
        );
        expect(daftar.status, daftar.text.slice(0, 300)).toBe(200);
        expect(Number(daftar.headers.get('x-sigap-total')), opd).toBe(total);
      }
      const remit = await asBkpsdm(tenant, `/runs/${runId}/exports/rekap-potongan-kreditur`);
      expect(remit.status, remit.text.slice(0, 300)).toBe(200);
      const cells = await cellsOf(remit.buffer);
      for (const total of byType.values()) if (total > 0) expect(cells).toContain(total);
      expect(Number(remit.headers.get('x-sigap-total'))).toBe(
        [...byType.values()].reduce((a, b) => a + b, 0),
      );

      const pdf = await asBkpsdm(tenant, `/runs/${runId}/slips/${saver.nip}/pdf`);
      expect(pdf.status).toBe(200);
      const text = extractPdfText(pdf.buffer).text;
      expect(text).toContain('Bersih SIPD');
      expect(text).toMatch(/angsuran \d+\/12/);
    }, 300_000);
  });

  describe('the insentif prestasi on the demo histories of sofifi and bantul (issue 15)', () => {
    it('should pay Sofifi’s Sangat Baik in a unit above target its incentive line, and no Bantul employee', async () => {
      const tenant = 'sofifi';
      const runId = `${lastLocked(tenant)}-GAJI_TPP`;
      const slips = await Promise.all(
        (await slipsOf(tenant, runId)).map((s) => slipOf(tenant, runId, s.nip)),
      );
      const period = slips.find((s) => s.slip.meta.tppPeriod)?.slip.meta.tppPeriod as string;
      expect(period).toBeDefined();
      const members = generateTenantSeed(tenant).members;
      const unitOf = new Map(
        members.map((m) => [m.employee.nip, unitIdOf(m.opd, m.employee.penempatan.unit)]),
      );
      // The unit capaian the demo history recorded through POST /unit-scores for that month.
      const capaian = new Map(
        teamResults(tenant, period, [...new Set(unitOf.values())].sort()).map((t) => [
          t.unitId,
          t.achievementPercent,
        ]),
      );
      const results = new Map<string, Json>();
      let next: string | undefined;
      do {
        const page = await asBkpsdm(
          tenant,
          `/results/${period}?limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
        );
        for (const r of page.json.items) results.set(r.nip, r);
        next = page.json.nextToken;
      } while (next);
      let paid = 0;
      for (const s of slips) {
        const nip = s.nip;
        const incentive = sumOf(linesOf(s), (l) => l.code === 'INSENTIF_PRESTASI');
        const r = results.get(nip);
        const above = (capaian.get(unitOf.get(nip) as string) ?? 0) > 100;
        const earns =
          r?.status === 'FINAL' && r.predikat === 'SANGAT_BAIK' && above && s.slip.totals.tpp.penghasilan > 0;
        if (earns) {
          expect(incentive, nip).toBeGreaterThan(0);
          paid += 1;
        } else if (r?.predikat !== 'SANGAT_BAIK' || !above) {
          expect(incentive, nip).toBe(0);
        }
      }
      expect(paid, 'Sangat Baik employees in units above target').toBeGreaterThan(0);

      const bantul = await Promise.all(
        (await slipsOf('bantul', `${lastLocked('bantul')}-GAJI_TPP`)).map((s) =>
          slipOf('bantul', `${lastLocked('bantul')}-GAJI_TPP`, s.nip),
        ),
      );
      expect(bantul.flatMap((s) => linesOf(s).filter((l) => l.code === 'INSENTIF_PRESTASI'))).toEqual([]);
    }, 300_000);
  });
}
