import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedRows, xlsxOf } from '../builders/employee-import';
import { startTestApi, type TestApi } from '../support/local-api';

/**
 * Issue 12's "done when", over HTTP with a real signed token: the DISDIK operator downloads the
 * template, uploads a 1,000-row XLSX, reads the dry-run report, commits, and finds the employees with
 * their history.
 */
describe('employee import over HTTP', () => {
  let api: TestApi;
  let token: string;
  const rows = generatedRows(1000, ['DISDIK'], 20_000);

  beforeAll(async () => {
    api = await startTestApi({ tenants: ['bantul'] });
    token = await api.token({ roles: ['operator'], sub: 'op.disdik', opds: ['DISDIK'] });
  });
  afterAll(async () => {
    await api?.close();
  });

  const post = (body: unknown) =>
    fetch(`${api.url}/employees/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('should serve the XLSX template as a binary attachment', async () => {
    const res = await fetch(`${api.url}/employees/import-template?format=xlsx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="templat-impor-pegawai.xlsx"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
  });

  it('should dry-run then commit a 1,000-row XLSX; the employees appear with their history', {
    timeout: 300_000,
  }, async () => {
    const file = { fileName: 'pegawai-disdik.xlsx', contentBase64: (await xlsxOf(rows)).toString('base64') };
    const dry = await post(file);
    expect(dry.status).toBe(200);
    const report = (await dry.json()) as { summary: string };
    expect(report.summary).toBe('1.000 baris valid, 0 bermasalah; 1.000 baru, 0 berubah, 0 tetap');

    let created = 0;
    let commit: { complete: boolean; created: number } | undefined;
    for (let i = 0; i < 5 && !commit?.complete; i++) {
      const res = await post({ ...file, mode: 'commit' });
      expect(res.status).toBe(200);
      commit = ((await res.json()) as { commit?: { complete: boolean; created: number } }).commit;
      created += commit?.created ?? 0;
    }
    expect(commit?.complete).toBe(true);
    expect(created).toBe(1000);

    const nip = rows[10]?.nip as string;
    const headers = { authorization: `Bearer ${token}` };
    const history = await fetch(`${api.url}/employees/${nip}/history`, { headers });
    expect(history.status).toBe(200);
    const timelines = ((await history.json()) as { timelines: { pangkat: { from: string }[] } }).timelines;
    expect(timelines.pangkat[0]?.from).toBe(rows[10]?.tmt_golongan);
    const list = await fetch(`${api.url}/employees?opd=DISDIK&limit=100`, { headers });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(100);
  });
});
