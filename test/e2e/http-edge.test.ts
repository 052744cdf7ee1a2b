import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anEmployee } from '../builders/employee';
import { startTestApi, type TestApi } from '../support/local-api';

/**
 * #13 items 6–8 over HTTP: numbers DynamoDB cannot store, strings and lists that would push an item
 * past 400 KB, bodies past the route's limit, look-alike content types, a literal null body and a
 * budget for an OPD that does not exist. Each is a 4xx in the one error shape naming the field, and
 * nothing is written (the entity's audit trail is unchanged).
 */
type ErrorBody = { error: { code: string; message: string; requestId: string; issues: { path: string }[] } };

describe('HTTP edge: bounds, sizes and content types (#13 items 6–8)', () => {
  let api: TestApi;
  let bkpsdm: string;
  let bukitintan: string;

  beforeAll(async () => {
    api = await startTestApi({ tenants: ['bantul', 'bukitintan'] });
    bkpsdm = await api.token({ roles: ['bkpsdm'], sub: 'bkpsdm.edge' });
    bukitintan = await api.token({ tenant: 'bukitintan', roles: ['bkpsdm'], sub: 'bkpsdm.edge' });
    const created = await send('POST', '/employees', bkpsdm, JSON.stringify(anEmployee()));
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function send(method: string, path: string, token: string, body?: string, contentType?: string) {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async function auditCount(entity: string, token = bkpsdm): Promise<number> {
    const res = await send('GET', `/audit?entity=${encodeURIComponent(entity)}&limit=100`, token);
    expect(res.status).toBe(200);
    return (res.json as { items: unknown[] }).items.length;
  }

  function expectError(res: { status: number; json: unknown }, status: number, path: string) {
    expect(res.status).toBe(status);
    const body = res.json as ErrorBody;
    expect(body.error).toEqual({
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
      issues: expect.any(Array),
    });
    expect(body.error.issues.map((i) => i.path)).toContain(path);
  }

  /** A library entry as text, so a number JSON.stringify would round (2^53 + 1) arrives as written. */
  const libraryBody = (value: string, sector = '"Pendidikan"') =>
    `{"expectedVersion":0,"entry":{"sector":${sector},"match":{"kode":[],"nama":["guru uji"]},"results":[{"key":"hasil","jenis":"UTAMA","description":"Layanan","indicators":[{"key":"dok","description":"Dokumen","target":{"aspect":"KUANTITAS","value":${value},"unit":"dokumen"},"direction":"HIGHER_IS_BETTER","aggregation":"SUM","weightPercent":100}]}]}}`;

  describe('item 6: numbers DynamoDB cannot store are a 400 naming the field', () => {
    it.each(['9007199254740993', '1e308', '1e200', '1e-300', '1e13'])(
      'should refuse target.value %s in PUT /indicator-library/{key} and write nothing',
      async (value) => {
        const before = await auditCount('library');

        const res = await send('PUT', '/indicator-library/uji-angka', bkpsdm, libraryBody(value));

        expectError(res, 400, 'body.entry.results[0].indicators[0].target.value');
        expect(await auditCount('library')).toBe(before);
      },
    );

    it('should store the same entry with a sane target (the refusals are about the number)', async () => {
      const res = await send('PUT', '/indicator-library/uji-angka', bkpsdm, libraryBody('12.5'));

      expect(res.status).toBe(200);
    });

    it('should refuse achievementPercent 1e-300 in POST /unit-scores/{month} (bukitintan)', async () => {
      const before = await auditCount('unit-score', bukitintan);

      const res = await send(
        'POST',
        '/unit-scores/2026-01',
        bukitintan,
        JSON.stringify({ teamResults: [{ unitId: 'DISDIK/SEKRETARIAT', achievementPercent: 1e-300 }] }),
      );

      expectError(res, 400, 'body.teamResults[0].achievementPercent');
      expect(await auditCount('unit-score', bukitintan)).toBe(before);
    });
  });

  describe('item 7: strings and lists have a maximum; oversize bodies are 413', () => {
    it('should answer 413 in the error shape for a 1 MB string in entry.sector', async () => {
      const before = await auditCount('library');

      const res = await send(
        'PUT',
        '/indicator-library/uji-besar',
        bkpsdm,
        libraryBody('1', `"${'x'.repeat(1 << 20)}"`),
      );

      expectError(res, 413, 'body');
      expect((res.json as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await auditCount('library')).toBe(before);
    });

    it('should refuse a 100 KB sector (under the body limit) naming entry.sector', async () => {
      const res = await send(
        'PUT',
        '/indicator-library/uji-besar',
        bkpsdm,
        libraryBody('1', `"${'x'.repeat(100_000)}"`),
      );

      expectError(res, 400, 'body.entry.sector');
    });

    type Calendar = { holidays: { name: string }[]; ramadan: unknown[] };
    async function calendarWith(change: (c: Calendar) => void): Promise<string> {
      const current = await send('GET', '/work-calendar/2026', bkpsdm);
      expect(current.status).toBe(200);
      const { calendar, version } = current.json as { calendar: Calendar; version?: number };
      change(calendar);
      return JSON.stringify({ expectedVersion: version ?? 0, calendar });
    }

    it('should answer 413 for a 1 MB holiday name and for 10,000 ramadan items, writing nothing', async () => {
      const before = await auditCount('calendar');
      const hugeName = await calendarWith((c) => {
        (c.holidays[0] as Calendar['holidays'][number]).name = 'x'.repeat(1 << 20);
      });
      const manyRamadan = await calendarWith((c) => {
        c.ramadan = Array.from({ length: 10_000 }, () => c.ramadan[0]);
      });

      expectError(await send('PUT', '/work-calendar/2026', bkpsdm, hugeName), 413, 'body');
      expectError(await send('PUT', '/work-calendar/2026', bkpsdm, manyRamadan), 413, 'body');
      expect(await auditCount('calendar')).toBe(before);
    });

    it('should refuse a 1,000-character holiday name and 50 ramadan items naming the field', async () => {
      const longName = await calendarWith((c) => {
        (c.holidays[0] as Calendar['holidays'][number]).name = 'x'.repeat(1000);
      });
      const manyRamadan = await calendarWith((c) => {
        c.ramadan = Array.from({ length: 50 }, () => c.ramadan[0]);
      });

      expectError(
        await send('PUT', '/work-calendar/2026', bkpsdm, longName),
        400,
        'body.calendar.holidays[0].name',
      );
      expectError(
        await send('PUT', '/work-calendar/2026', bkpsdm, manyRamadan),
        400,
        'body.calendar.ramadan',
      );
    });
  });

  describe('item 8: content type, null body, unknown OPD', () => {
    it('should refuse application/json-patch+json with 415', async () => {
      const res = await send(
        'POST',
        '/runs',
        bkpsdm,
        JSON.stringify({ month: '2026-01' }),
        'application/json-patch+json',
      );

      expectError(res, 415, 'headers.content-type');
    });

    it('should still accept application/json with a charset', async () => {
      const res = await send(
        'PUT',
        '/budgets/2026/DISDIK',
        bkpsdm,
        JSON.stringify({ paguTpp: 1_000_000_000, source: 'DPA 2026' }),
        'application/json; charset=utf-8',
      );

      expect(res.status).toBe(200);
    });

    it('should refuse a literal null body with 400 naming body', async () => {
      const res = await send('POST', '/runs/2026-01-GAJI_TPP/lock', bkpsdm, 'null');

      expectError(res, 400, 'body');
    });

    it('should refuse PUT /budgets/{year}/{opd} for an OPD without employees, writing nothing', async () => {
      const before = await auditCount('budget');

      const res = await send(
        'PUT',
        '/budgets/2026/2026-13',
        bkpsdm,
        JSON.stringify({ paguTpp: 1_000_000, source: 'DPA 2026' }),
      );

      expectError(res, 404, 'path.opd');
      expect(await auditCount('budget')).toBe(before);
      const listed = await send('GET', '/budgets/2026', bkpsdm);
      expect(JSON.stringify(listed.json)).not.toContain('2026-13');
    });
  });
});
