/**
 * Attendance and month results on DynamoDB Local, through the appraisal-write handler:
 *   (1) a 5,000-row attendance import of one OPD-month (validate whole, then write),
 *   (2) POST /results/{month}/compute for 1,000 employees, each with an approved SKP, a rating,
 *       realisasi and a month of punches, seeded straight into the table with batch writes.
 * `node --import tsx bench/attendance-bench.ts [employees]`; with SIGAP_LOCAL_ASYNC_RESULTS=1 the compute is
 * queued (202 at once, chunks one after another in the background queue) and timed until its last chunk.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type WorkingDay, workingDays } from '../core/discipline/work-calendar';
import { demoAppraisalSettings } from '../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../core/performance/appraisal-settings';
import { BERAKHLAK_KEYS, type Skp } from '../core/performance/skp';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { generateTenantSeed } from '../infra/local/seed/employees';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { aPrincipal } from '../test/builders/employee';
import { anHttpEvent, lambdaContext } from '../test/builders/http-event';
import { benchEmployee, type SeedTemplate } from './bench-employee';

const TENANT = 'bantul';
const MONTH = '2026-03';
const OPDS = ['DISDIK', 'DINKES', 'DUKCAPIL', 'BKPSDM', 'DPMPTSP'];
const IMPORT_OPD = 'DISDIK';
const NOW = '2026-04-02T08:00:00.000Z';

/** Valid, distinct NIPs: one birth date and TMT, gender digit and a 3-digit sequence vary. */
const nipOf = (i: number) => `19850315201001${1 + (i % 2)}${String(Math.floor(i / 2) + 1).padStart(3, '0')}`;
const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A realistic month: most days on time, some late, a few missed. */
function punchesOf(nip: string, days: readonly WorkingDay[], random: () => number) {
  return days.flatMap((d) => {
    if (random() < 0.03) return [];
    const late = random() < 0.15 ? Math.floor(random() * 100) : -Math.floor(random() * 20);
    return [
      { nip, timestamp: `${d.date} ${clock(minutes(d.hours.start) + late)}`, type: 'IN' },
      { nip, timestamp: `${d.date} ${clock(minutes(d.hours.end) + Math.floor(random() * 30))}`, type: 'OUT' },
    ];
  });
}

function employeeOf(i: number, template: SeedTemplate) {
  const nip = nipOf(i);
  const opd = OPDS[i % OPDS.length]!;
  // Every tenth employee of an OPD is the atasan of the nine after it (the gsi3 chain).
  const atasanNip =
    i >= OPDS.length * 10 || i % (OPDS.length * 10) >= OPDS.length
      ? nipOf(i - (i % (OPDS.length * 10)) + (i % OPDS.length))
      : undefined;
  const { employee, timelines } = benchEmployee(
    template,
    nip,
    {
      penempatan: { opd, unit: 'Sekretariat', ...(atasanNip && atasanNip !== nip ? { atasanNip } : {}) },
      kepegawaian: { jenisAsn: 'PNS', status: 'AKTIF' },
    },
    NOW,
  );
  return { employee, timelines, opd };
}

function skpOf(nip: string, penilai: string): Skp {
  return {
    id: `SKP-${nip}-2026`,
    revision: 1,
    nip,
    year: 2026,
    opd: 'X',
    jabatan: { nama: 'Pengadministrasi Umum' },
    pejabatPenilai: { nip: penilai },
    results: [
      {
        id: 'r1',
        jenis: 'UTAMA',
        description: 'Administrasi',
        indicators: [
          {
            id: 'i1',
            description: 'Dokumen',
            target: { aspect: 'KUANTITAS', value: 1200, unit: 'dokumen' },
            direction: 'HIGHER_IS_BETTER',
            aggregation: 'SUM',
            weightPercent: 60,
          },
          {
            id: 'i2',
            description: 'Kualitas',
            target: { aspect: 'KUALITAS', percent: 95 },
            direction: 'HIGHER_IS_BETTER',
            aggregation: 'AVERAGE',
            weightPercent: 40,
          },
        ],
      },
    ],
    perilaku: Object.fromEntries(
      BERAKHLAK_KEYS.map((k) => [k, { ekspektasiKhusus: '-' }]),
    ) as Skp['perilaku'],
    status: 'DISETUJUI',
    approvedBy: penilai,
    approvedAt: '2026-01-10T09:00:00.000Z',
    history: [],
  };
}

export interface AttendanceBenchResult {
  employees: number;
  seededItems: number;
  seedMs: number;
  importRows: number;
  importMs: number;
  importStatus: number;
  computeEmployees: number;
  /** Inline: the request; queued: from the request until the last chunk is done. */
  computeMs: number;
  computeStatus: number;
  computeChunks: number;
  computeState: string;
  /** Queued only: how long the 202 took. */
  answeredInMs?: number;
}

async function measure(count: number): Promise<AttendanceBenchResult> {
  const dynamo = await startDynamoDbLocal();
  const prefix = 'bench-att-';
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_PREFIX: prefix,
    AWS_REGION: 'local',
  });
  process.env.SIGAP_LOG ??= 'silent';
  try {
    await createTenantTables(localDynamoClient(dynamo.endpoint), prefix, [TENANT]);
    const { documentClient } = await import('../functions/table/client');
    const { employeeItem, rosterItem } = await import('../functions/employees/dynamo-employee-repository');
    const { DynamoItemStore } = await import('../functions/appraisal/store/dynamo-item-store');
    const { records } = await import('../functions/appraisal/store/records');
    const { unitIdOf } = await import('../functions/appraisal/settings');
    const { attendanceEventId } = await import('../core/discipline/attendance-import');
    const { handler } = await import('../functions/appraisal/write');
    const store = new DynamoItemStore(documentClient, `${prefix}${TENANT}`);

    const calendar = appraisalSettingsInForce(demoAppraisalSettings.bantul, MONTH).value.workCalendar;
    const random = rng(20_260_301);
    const template = generateTenantSeed(TENANT).members[4]!.employee;
    const items: Record<string, unknown>[] = [];
    const importRows: { nip: string; timestamp: string; type: string }[] = [];
    for (let i = 0; i < count; i++) {
      const { employee, timelines, opd } = employeeOf(i, template);
      const nip = employee.identity.nip;
      items.push(employeeItem(employee, timelines) as Record<string, unknown>, rosterItem(employee));
      const penilai = employee.current.penempatan.atasanNip ?? nipOf(0);
      items.push(records.skp({ skp: skpOf(nip, penilai), version: 3, createdAt: NOW, updatedAt: NOW }, true));
      items.push(
        records.evaluation({
          nip,
          month: MONTH,
          assessment: {
            kind: 'MATRIX',
            evaluatorNip: penilai,
            assessedAt: NOW,
            hasilKerja: 'SESUAI_EKSPEKTASI',
            perilaku: 'SESUAI_EKSPEKTASI',
          },
          version: 1,
          updatedAt: NOW,
        }),
      );
      for (const [k, value] of [
        ['i1', 100],
        ['i2', 96],
      ] as const) {
        items.push(
          records.realization(nip, {
            id: `b${k}`,
            indicatorId: k,
            date: `${MONTH}-05`,
            value,
            recordedAt: NOW,
            recordedBy: nip,
          }),
        );
      }
      const rows = punchesOf(nip, workingDays(calendar, unitIdOf(opd, 'Sekretariat'), MONTH), random);
      if (opd === IMPORT_OPD) importRows.push(...rows);
      else {
        for (const r of rows) {
          const [date, time] = r.timestamp.split(' ') as [string, string];
          const type = r.type as 'IN' | 'OUT';
          items.push(
            records.attendanceEvent(
              { nip, date, time, type, id: attendanceEventId(nip, date, time, type) },
              'seed',
            ),
          );
        }
      }
    }
    const t0 = performance.now();
    await store.bulkPut(items as unknown as Parameters<typeof store.bulkPut>[0]);
    const seedMs = performance.now() - t0;

    const send = async (
      routeKey: string,
      params: Record<string, string>,
      body: unknown,
      roles: ('operator' | 'bkpsdm')[],
    ) => {
      const principal = aPrincipal({
        tenantId: TENANT,
        sub: 'bench',
        roles,
        opds: roles.includes('operator') ? [IMPORT_OPD] : [],
      });
      const t = performance.now();
      const res = await handler(anHttpEvent(routeKey, { params, body, principal }), lambdaContext);
      return { ms: performance.now() - t, status: res.statusCode ?? 0, body: res.body };
    };
    const rows = importRows.slice(0, 5_000);
    const imported = await send(
      'POST /attendance/{month}/imports',
      { month: MONTH },
      { opd: IMPORT_OPD, rows },
      ['operator'],
    );
    const computed = await send('POST /results/{month}/compute', { month: MONTH }, {}, ['bkpsdm']);
    if (computed.status !== 200 && computed.status !== 202)
      throw new Error(`compute failed: ${computed.body}`);
    // Queued (SIGAP_LOCAL_ASYNC_RESULTS=1): the request answered 202 at once; the chunks run after it.
    let queuedMs: number | undefined;
    let progress = JSON.parse(String(computed.body)) as { computed: number; chunks: number; state: string };
    if (computed.status === 202) {
      const { drainLocalChunks } = await import('../functions/payroll/local-chunk-queue');
      const { handler: read } = await import('../functions/appraisal/read');
      const t = performance.now();
      await drainLocalChunks();
      queuedMs = performance.now() - t + computed.ms;
      const principal = aPrincipal({ tenantId: TENANT, sub: 'bench', roles: ['bkpsdm'], opds: [] });
      const res = await read(
        anHttpEvent('GET /results/{month}/progress', { params: { month: MONTH }, principal }),
        lambdaContext,
      );
      progress = JSON.parse(String(res.body));
    }
    return {
      employees: count,
      seededItems: items.length,
      seedMs: Math.round(seedMs),
      importRows: rows.length,
      importMs: Math.round(imported.ms),
      importStatus: imported.status,
      computeEmployees: progress.computed,
      computeMs: Math.round(queuedMs ?? computed.ms),
      computeStatus: computed.status,
      computeChunks: progress.chunks,
      computeState: progress.state,
      ...(queuedMs !== undefined ? { answeredInMs: Math.round(computed.ms) } : {}),
    };
  } finally {
    await dynamo.stop();
  }
}

/**
 * Runs in a child process: the handlers' DocumentClient binds to DynamoDB Local at first import, so a
 * second DynamoDB-backed bench in the same process (npm run bench) would talk to a stopped instance.
 */
export async function runAttendanceBench(count = 1_000): Promise<AttendanceBenchResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, self, '--json', String(count)],
    {
      maxBuffer: 1 << 20,
      env: { ...process.env, SIGAP_LOG: 'silent', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) as string) as AttendanceBenchResult;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  const count = Number(process.argv.filter((a) => /^\d+$/.test(a))[0] ?? 1_000);
  const r = await measure(count);
  if (json) console.log(JSON.stringify(r));
  else {
    console.log(`seeded ${r.seededItems} items for ${r.employees} employees in ${r.seedMs} ms`);
    console.log(
      `attendance import: ${r.importRows} rows validated + written in ${r.importMs} ms (HTTP ${r.importStatus})`,
    );
    console.log(
      `month results: ${r.computeEmployees} employees computed + stored in ${r.computeMs} ms, ${r.computeChunks} chunks, ${r.computeState} (HTTP ${r.computeStatus}${r.answeredInMs !== undefined ? `, answered in ${r.answeredInMs} ms` : ''})`,
    );
  }
}
