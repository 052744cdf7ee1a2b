import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { createTenantTables, localDynamoClient } from '../../infra/local/tables';
import { anEmployee, aPrincipal, nipNo } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';

const prefix = `it-emp-${Math.random().toString(36).slice(2, 8)}-`;
let read: Handler;
let write: Handler;
let audit: Handler;

const bkpsdm = aPrincipal();
const binjaiBkpsdm = aPrincipal({ tenantId: 'binjai' });
const auditor = aPrincipal({ sub: 'auditor.1', roles: ['auditor'] });

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  // The DocumentClient reads these at import time, so handlers are imported only after they are set.
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_PREFIX = prefix;
  process.env.SIGAP_LOG = 'silent';
  await createTenantTables(localDynamoClient(endpoint), prefix, ['bantul', 'binjai']);
  read = (await import('../../functions/employees/read')).handler as Handler;
  write = (await import('../../functions/employees/write')).handler as Handler;
  audit = (await import('../../functions/audit/index')).handler as Handler;
});

async function create(body: unknown, principal: Principal = bkpsdm) {
  return call(write, 'POST /employees', { body, principal });
}

async function countItems(nip: string) {
  const db = (await import('../../functions/table/client')).documentClient;
  const out = await db.send(
    new QueryCommand({
      TableName: `${prefix}bantul`,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `EMP#${nip}` },
    }),
  );
  const auditOut = await db.send(
    new QueryCommand({
      TableName: `${prefix}bantul`,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#employee#${nip}` },
    }),
  );
  return { record: out.Items?.length ?? 0, audit: auditOut.Items?.length ?? 0 };
}

describe('employee slice against DynamoDB Local', () => {
  it('should create an employee, read it back whole, and mask the account number in lists', async () => {
    const nip = nipNo(1);
    const created = await create(anEmployee({ nip }));
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/employees/${nip}`);
    expect(created.json).toMatchObject({ nip, version: 1, pangkat: { golongan: 'III/b' } });

    const got = await call(read, 'GET /employees/{nip}', { params: { nip }, principal: bkpsdm });
    expect(got.status).toBe(200);
    expect(got.json.bankAccount.accountNumber).toBe('0012345678');

    const list = await call(read, 'GET /employees', { query: { limit: '100' }, principal: bkpsdm });
    const row = list.json.items.find((e: { nip: string }) => e.nip === nip);
    expect(row.bankAccount.accountNumber).toBe('******5678');
  });

  it('should refuse a duplicate NIP with 409 and write nothing more', async () => {
    const nip = nipNo(2);
    expect((await create(anEmployee({ nip }))).status).toBe(201);
    const before = await countItems(nip);
    const again = await create(anEmployee({ nip, nama: 'Orang Lain' }));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('ALREADY_EXISTS');
    expect(await countItems(nip)).toEqual(before);
  });

  it('should apply an update with the right version, refuse a stale one, and leave no partial write', async () => {
    const nip = nipNo(3);
    await create(anEmployee({ nip }));
    const ok = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: { expectedVersion: 1, nama: 'Budi Santoso Wibowo' },
      principal: bkpsdm,
    });
    expect(ok.status).toBe(200);
    expect(ok.json.version).toBe(2);
    const before = await countItems(nip);
    const stale = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: {
        expectedVersion: 1,
        effectiveFrom: '2026-01-01',
        pangkat: { golongan: 'III/c', tmt: '2026-01-01' },
      },
      principal: bkpsdm,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('VERSION_CONFLICT');
    expect(stale.json.error.issues[0].path).toBe('body.expectedVersion');
    expect(await countItems(nip)).toEqual(before);
  });

  it('should keep effective-dated history so a past month reads as it was', async () => {
    const nip = nipNo(4);
    await create(anEmployee({ nip }));
    const kp = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: {
        expectedVersion: 1,
        effectiveFrom: '2026-04-01',
        reason: 'SK kenaikan pangkat terlambat',
        pangkat: { golongan: 'III/c', tmt: '2026-04-01' },
      },
      principal: bkpsdm,
    });
    expect(kp.status).toBe(200);
    const march = await call(read, 'GET /employees/{nip}', {
      params: { nip },
      query: { asOf: '2026-03-31' },
      principal: bkpsdm,
    });
    expect(march.json.pangkat.golongan).toBe('III/b');
    const history = await call(read, 'GET /employees/{nip}/history', { params: { nip }, principal: bkpsdm });
    expect(history.json.timelines.pangkat.map((e: { from: string }) => e.from)).toEqual([
      '2010-01-01',
      '2026-04-01',
    ]);
  });

  it('should write one audit record per change, atomically, readable by the auditor', async () => {
    const nip = nipNo(5);
    await create(anEmployee({ nip }));
    await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: {
        expectedVersion: 1,
        bankAccount: { bank: 'BPD DIY', accountNumber: '0099887766', accountName: 'Budi Santoso' },
      },
      principal: bkpsdm,
    });
    const res = await call(audit, 'GET /audit', { query: { entity: `employee:${nip}` }, principal: auditor });
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { action: string }) => a.action)).toEqual(['UPDATE', 'CREATE']);
    const update = res.json.items[0];
    expect(update.actor.sub).toBe(bkpsdm.sub);
    expect(update.before.bankAccount.accountNumber).toBe('******5678');
    expect(update.after.bankAccount.accountNumber).toBe('******7766');
    const denied = await call(audit, 'GET /audit', {
      query: { entity: 'employee' },
      principal: aPrincipal({ roles: ['operator'], opds: ['DISDIK'] }),
    });
    expect(denied.status).toBe(403);
  });

  it('should scope operators to their OPDs and pegawai to themselves, hiding out-of-scope rows as 404', async () => {
    const nip = nipNo(6);
    await create(anEmployee({ nip, penempatan: { opd: 'DISDIK', unit: 'Sekretariat' } }));
    const dinkesOp = aPrincipal({ sub: 'op.dinkes', roles: ['operator'], opds: ['DINKES'] });
    expect((await call(read, 'GET /employees/{nip}', { params: { nip }, principal: dinkesOp })).status).toBe(
      404,
    );
    expect(
      (await call(read, 'GET /employees/{nip}', { params: { nip: nipNo(99) }, principal: dinkesOp })).status,
    ).toBe(404);
    const moved = await create(anEmployee({ nip: nipNo(7) }), dinkesOp);
    expect(moved.status).toBe(403);
    const self = aPrincipal({ sub: nip, roles: ['pegawai'] });
    expect((await call(read, 'GET /employees/{nip}', { params: { nip }, principal: self })).status).toBe(200);
    expect(
      (await call(read, 'GET /employees/{nip}', { params: { nip: nipNo(1) }, principal: self })).status,
    ).toBe(404);
    const mine = await call(read, 'GET /employees', { principal: self });
    expect(mine.json.items.map((e: { nip: string }) => e.nip)).toEqual([nip]);
    expect(
      (
        await call(write, 'PATCH /employees/{nip}', {
          params: { nip },
          body: { expectedVersion: 1, nama: 'X Y' },
          principal: self,
        })
      ).status,
    ).toBe(403);
  });

  it('should list an atasan’s bawahan and nobody else’s', async () => {
    const atasanNip = '197001012000011001';
    await create(anEmployee({ nip: atasanNip, penempatan: { opd: 'DUKCAPIL', unit: 'Kepala' } }));
    for (const n of [10, 11]) {
      await create(
        anEmployee({ nip: nipNo(n), penempatan: { opd: 'DUKCAPIL', unit: 'Pelayanan', atasanNip } }),
      );
    }
    await create(anEmployee({ nip: nipNo(12), penempatan: { opd: 'DUKCAPIL', unit: 'Pelayanan' } }));
    const atasan = aPrincipal({ sub: atasanNip, roles: ['atasan', 'pegawai'] });
    const res = await call(read, 'GET /employees', { principal: atasan });
    expect(res.json.items.map((e: { nip: string }) => e.nip).sort()).toEqual(
      [atasanNip, nipNo(10), nipNo(11)].sort(),
    );
  });

  it('should page through a filtered list with opaque tokens, each employee exactly once', async () => {
    const opd = 'DPMPTSP';
    const nips = [20, 21, 22, 23, 24, 25, 26].map((n) => nipNo(n, 2));
    for (const nip of nips) {
      await create(
        anEmployee({
          nip,
          penempatan: { opd, unit: 'Perizinan' },
          ...(nip.endsWith('1') || nip.endsWith('3')
            ? {
                kepegawaian: { jenisAsn: 'PPPK', status: 'AKTIF' },
                pangkat: { golongan: 'IX', tmt: '2024-01-01' },
              }
            : {}),
        }),
      );
    }
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const res = await call(read, 'GET /employees', {
        query: { opd, limit: '3', ...(nextToken ? { nextToken } : {}) },
        principal: bkpsdm,
      });
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((e: { nip: string }) => e.nip));
      nextToken = res.json.nextToken;
      pages++;
    } while (nextToken && pages < 10);
    expect(seen.sort()).toEqual(nips.sort());
    const pppk = await call(read, 'GET /employees', { query: { opd, jenis: 'PPPK' }, principal: bkpsdm });
    expect(pppk.json.items.map((e: { nip: string }) => e.nip).sort()).toEqual(
      [nipNo(20, 2), nipNo(22, 2)].sort(),
    );
    const badToken = await call(read, 'GET /employees', { query: { nextToken: '%%%' }, principal: bkpsdm });
    expect(badToken.status).toBe(400);
    expect(badToken.json.error.issues[0].path).toBe('query.nextToken');
  });

  it('should search by part of the name in any case or by the start of the NIP, paging without skipping', async () => {
    const opd = 'DISKOMINFO';
    const names = ['Siti Rahayu', 'Rahmat Hidayat', 'Dewi  RAHAYU', 'Agus Salim', 'Rahayu Ningsih'];
    const nips = names.map((_, i) => nipNo(40 + i, 2));
    for (const [i, nama] of names.entries()) {
      await create(anEmployee({ nip: nips[i]!, nama, penempatan: { opd, unit: 'Sekretariat' } }));
    }
    const search = async (q: string, limit = '25') => {
      const seen: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const res = await call(read, 'GET /employees', {
          query: { opd, q, limit, ...(nextToken ? { nextToken } : {}) },
          principal: bkpsdm,
        });
        expect(res.status).toBe(200);
        expect(res.json.items.length).toBeLessThanOrEqual(Number(limit));
        seen.push(...res.json.items.map((e: { nama: string }) => e.nama));
        nextToken = res.json.nextToken;
        pages++;
      } while (nextToken && pages < 10);
      return seen.sort();
    };
    // "rahayu" in three names, whatever their case and spacing; a page of 1 still yields each once.
    expect(await search('rahayu')).toEqual(['Dewi  RAHAYU', 'Rahayu Ningsih', 'Siti Rahayu']);
    expect(await search('RAHAYU', '1')).toEqual(['Dewi  RAHAYU', 'Rahayu Ningsih', 'Siti Rahayu']);
    expect(await search('dewi rahayu')).toEqual(['Dewi  RAHAYU']);
    // NIP typed as printed (grouped with spaces) or its first digits.
    const grouped = `${nips[3]!.slice(0, 8)} ${nips[3]!.slice(8, 14)} ${nips[3]!.slice(14, 15)} ${nips[3]!.slice(15)}`;
    expect(await search(grouped)).toEqual(['Agus Salim']);
    expect((await search(nips[0]!.slice(0, 14))).length).toBeGreaterThanOrEqual(5);
    expect(await search('tidak ada nama ini')).toEqual([]);
    const short = await call(read, 'GET /employees', { query: { q: 'a' }, principal: bkpsdm });
    expect(short.status).toBe(400);
    expect(short.json.error.issues[0].path).toBe('query.q');
  });

  it('should keep tenants apart: a Binjai token can neither read, list nor change a Bantul employee', async () => {
    const nip = nipNo(30);
    await create(anEmployee({ nip }));
    const get = await call(read, 'GET /employees/{nip}', { params: { nip }, principal: binjaiBkpsdm });
    const missing = await call(read, 'GET /employees/{nip}', {
      params: { nip: nipNo(31) },
      principal: binjaiBkpsdm,
    });
    expect(get.status).toBe(404);
    expect(get.json.error.code).toBe(missing.json.error.code);
    const list = await call(read, 'GET /employees', { principal: binjaiBkpsdm });
    expect(list.json.items.map((e: { nip: string }) => e.nip)).not.toContain(nip);
    const patch = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: { expectedVersion: 1, nama: 'Diubah Binjai' },
      principal: binjaiBkpsdm,
    });
    expect(patch.status).toBe(404);
    const still = await call(read, 'GET /employees/{nip}', { params: { nip }, principal: bkpsdm });
    expect(still.json.nama).toBe('Budi Santoso');
  });

  it.each([
    ['an unknown field', { ...anEmployee({ nip: nipNo(40) }), hobi: 'catur' }, 'body.hobi'],
    ['a NIP with an impossible birth date', anEmployee({ nip: '198502302010011002' }), 'body.nip'],
    ['a bad enum', { ...anEmployee({ nip: nipNo(41) }), ptkpStatus: 'K/9' }, 'body.ptkpStatus'],
    [
      'a PPPK golongan on a PNS',
      anEmployee({ nip: nipNo(42), pangkat: { golongan: 'IX', tmt: '2020-01-01' } }),
      'body.pangkat.golongan',
    ],
    [
      'a date that is not in the calendar',
      anEmployee({ nip: nipNo(43), tmtStart: '2010-02-30' }),
      'body.tmtStart',
    ],
  ])('should answer 400 naming the field for %s', async (_, body, path) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(res.json.error.requestId).toBeTruthy();
  });

  it('should answer 415 for a wrong content type and 400 for malformed JSON', async () => {
    const type = await call(write, 'POST /employees', {
      rawBody: 'nip=1',
      contentType: 'text/plain',
      principal: bkpsdm,
    });
    expect(type.status).toBe(415);
    expect(type.json.error.issues[0].path).toBe('headers.content-type');
    const bad = await call(write, 'POST /employees', { rawBody: '{"nip": ', principal: bkpsdm });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('MALFORMED_JSON');
  });

  it('should answer 401 without claims and 403 for a role the route does not allow', async () => {
    expect((await call(read, 'GET /employees', {})).status).toBe(401);
    const pegawai = aPrincipal({ roles: ['pegawai'], sub: nipNo(1) });
    const res = await create(anEmployee({ nip: nipNo(50) }), pegawai);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('FORBIDDEN');
  });

  it('should never answer 5xx to random bodies', async () => {
    const base = anEmployee({ nip: nipNo(60) });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ nip: fc.string(), nama: fc.anything(), pangkat: fc.anything() }),
          fc.dictionary(fc.constantFrom(...Object.keys(base)), fc.anything()).map((d) => ({ ...base, ...d })),
        ),
        async (body) => {
          const created = await create(body);
          expect(created.status).toBeLessThan(500);
          const patched = await call(write, 'PATCH /employees/{nip}', {
            params: { nip: nipNo(1) },
            body,
            principal: bkpsdm,
          });
          expect(patched.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('NIK, kode bank, NPWP and NITKU on the employee record', () => {
  it('should store them on POST, return them on GET, change them by PATCH and audit the change', async () => {
    const nip = nipNo(70);
    const created = await create(
      anEmployee({
        nip,
        nik: '3402011503850002',
        npwp: '3402011503850002',
        nitku: '3402011503850002000000',
        bankAccount: {
          bank: 'BPD DIY',
          bankCode: '112',
          accountNumber: '0012345678',
          accountName: 'Budi Santoso',
        },
      }),
    );
    expect(created.status).toBe(201);
    const got = await call(read, 'GET /employees/{nip}', { params: { nip }, principal: bkpsdm });
    expect(got.json).toMatchObject({
      nik: '3402011503850002',
      npwp: '3402011503850002',
      nitku: '3402011503850002000000',
      bankAccount: { bankCode: '112', accountNumber: '0012345678' },
    });
    const patched = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: {
        expectedVersion: 1,
        bankAccount: {
          bank: 'Bank BRI',
          bankCode: '002',
          accountNumber: '123401000123501',
          accountName: 'Budi Santoso',
        },
      },
      principal: bkpsdm,
    });
    expect(patched.status).toBe(200);
    const trail = await call(audit, 'GET /audit', {
      query: { entity: `employee:${nip}` },
      principal: auditor,
    });
    expect(trail.json.items[0]).toMatchObject({
      action: 'UPDATE',
      before: { bankAccount: { bankCode: '112' } },
      after: { bankAccount: { bankCode: '002', accountNumber: '***********3501' } },
    });
  });

  it.each([
    ['nik', { nik: '3402011513850002' }, 'body.nik', 'tanggal lahir dalam NIK'],
    ['npwp', { npwp: '9902011503850002' }, 'body.npwp', 'NPWP 16 digit orang pribadi adalah NIK'],
    ['nitku', { nitku: '12345' }, 'body.nitku', 'NITKU harus 22 digit'],
    [
      'nitku of another NPWP',
      { npwp: '3402011503850002', nitku: '3402011503850003000000' },
      'body.nitku',
      '16 digit pertama NITKU harus sama dengan NPWP',
    ],
    [
      'bankCode',
      {
        bankAccount: {
          bank: 'BPD DIY',
          bankCode: '1120',
          accountNumber: '0012345678',
          accountName: 'Budi Santoso',
        },
      },
      'body.bankAccount.bankCode',
      'kode bank harus 3 digit',
    ],
  ])(
    'should refuse a bad %s with 400 naming the field and write nothing',
    async (_label, fields, path, message) => {
      const nip = nipNo(71);
      const res = await create(anEmployee({ nip, ...fields }));
      expect(res.status).toBe(400);
      expect(res.json.error.issues).toContainEqual({ path, message: expect.stringContaining(message) });
      expect(await countItems(nip)).toEqual({ record: 0, audit: 0 });
    },
  );

  it('should refuse a PATCH whose NITKU does not start with the stored NPWP', async () => {
    const nip = nipNo(72);
    await create(anEmployee({ nip, npwp: '3402011503850002' }));
    const res = await call(write, 'PATCH /employees/{nip}', {
      params: { nip },
      body: { expectedVersion: 1, nitku: '3402011503850009000000' },
      principal: bkpsdm,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues).toEqual([
      { path: 'body.nitku', message: '16 digit pertama NITKU harus sama dengan NPWP 3402011503850002' },
    ]);
  });
});
