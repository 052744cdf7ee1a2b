import type { TenantSeed } from './employees';

/**
 * Demo potongan lain for ONE tenant (Bukitintan, a fictional kabupaten), so a fresh `npm start` shows a
 * koperasi instalment and zakat on slips, in the SIPD gaji list's zakat column, in the bank file's
 * take-home and in the daftar potongan per kreditur. The other demo tenants keep potongan lain off: their
 * own zakat/Korpri decisions were not found (potongan-lain.md §9).
 *
 * Zakat follows the Kutai Timur practice of potongan-lain.md §3 (2,5 % of gaji pokok, inside the SIPD
 * list) as Bukitintan's OWN decision: no Bukitintan regulation exists (the tenant is fictional), so the
 * source says so and is UNVERIFIED. Creditors and accounts are fictional.
 */
export const DEDUCTIONS_DEMO_TENANT = 'bukitintan';

const DEMO_SOURCE = {
  regulation:
    'Keputusan Pemda Bukitintan (fiktif) tentang pemotongan zakat profesi dan potongan pihak ketiga ASN',
  refs: ['S-ZAKAT', 'S-SIMGAJI'],
  confidence: 'UNVERIFIED',
  note: 'Keputusan tenant sendiri (DEMO), mengikuti praktik Kutai Timur (2,5 % gaji pokok); bukan aturan nasional.',
} as const;

export function demoDeductionTypes(effectiveFrom: string) {
  const common = { effectiveFrom, source: DEMO_SOURCE, active: true, appliesToSpecial: false, optOut: false };
  return {
    expectedVersion: 0,
    types: [
      {
        ...common,
        code: 'ZAKAT',
        name: 'Zakat profesi',
        layer: 'IN_LIST',
        category: 'ZAKAT',
        creditor: {
          name: 'BAZNAS Kabupaten Bukitintan (fiktif)',
          bank: 'Bank BPD',
          accountNumber: '990.100.77001',
          accountName: 'BAZNAS KAB BUKITINTAN ZAKAT',
        },
        appliesTo: 'GAJI',
        priority: 5,
        percent: 2.5,
        base: 'GAPOK',
        religionFilter: 'ISLAM',
        optOut: true,
      },
      {
        ...common,
        code: 'INFAK',
        name: 'Infak',
        layer: 'POST_LIST',
        category: 'INFAK',
        creditor: {
          name: 'BAZNAS Kabupaten Bukitintan (fiktif)',
          bank: 'Bank BPD',
          accountNumber: '990.100.77002',
          accountName: 'BAZNAS KAB BUKITINTAN INFAK',
        },
        appliesTo: 'GAJI',
        priority: 60,
        optOut: true,
      },
      {
        ...common,
        code: 'KOPERASI',
        name: 'Angsuran KPRI Bukitintan Sejahtera',
        layer: 'POST_LIST',
        category: 'KOPERASI',
        creditor: {
          name: 'KPRI Bukitintan Sejahtera (fiktif)',
          bank: 'Bank BPD',
          accountNumber: '990.200.31415',
          accountName: 'KPRI BUKITINTAN SEJAHTERA',
        },
        appliesTo: 'GAJI',
        priority: 30,
      },
      {
        ...common,
        code: 'KORPRI',
        name: 'Iuran Korpri',
        layer: 'POST_LIST',
        category: 'KORPRI',
        creditor: {
          name: 'Dewan Pengurus Korpri Kabupaten Bukitintan (fiktif)',
          bank: 'Bank BPD',
          accountNumber: '990.300.27182',
          accountName: 'DP KORPRI KAB BUKITINTAN',
        },
        appliesTo: 'GAJI',
        priority: 50,
      },
    ],
    policy: { carryArrears: true, effectiveFrom, source: DEMO_SOURCE },
  };
}

type Call = (method: string, path: string, body: unknown) => Promise<{ status: number; json: unknown }>;

/**
 * The demo register and a few employees' entries, through the API (the real validation and audit). Run
 * again on a persisted database it changes nothing: the types answer 409, employees with entries are
 * skipped.
 */
export async function seedDemoDeductions(call: Call, seed: TenantSeed, month: string): Promise<number> {
  if (seed.tenantId !== DEDUCTIONS_DEMO_TENANT) return 0;
  const types = await call('PUT', '/deductions/types', demoDeductionTypes(`${month.slice(0, 4)}-01`));
  if (types.status !== 200 && types.status !== 409) {
    throw new Error(`seed: PUT /deductions/types answered ${types.status}: ${JSON.stringify(types.json)}`);
  }
  const eligible = seed.members.filter((m) => !m.employee.tmtEnd && m.employee.bankAccount);
  const start = (tmt: string) => (tmt.slice(0, 7) > month ? tmt.slice(0, 7) : month);
  const ref = (kind: string, i: number) => ({
    kind: 'SURAT_KUASA_POTONG_GAJI',
    number: `${kind}/${String(i + 1).padStart(3, '0')}/${month.slice(0, 4)}`,
  });
  // Every third employee of the first thirty: zakat (opted in), Korpri; every sixth a koperasi loan.
  let written = 0;
  for (const [i, m] of eligible.slice(0, 30).entries()) {
    if (i % 3 !== 0) continue;
    const nip = m.employee.nip;
    const path = `/employees/${nip}/deductions`;
    const existing = await call('GET', path, undefined);
    if ((existing.json as { version?: number }).version) continue;
    const from = start(m.employee.tmtStart);
    const entries = [
      {
        typeCode: 'ZAKAT',
        kind: 'PERCENT',
        startMonth: from,
        reference: { ...ref('ZKT', i), kind: 'PERNYATAAN' },
      },
      {
        typeCode: 'KORPRI',
        kind: 'FIXED',
        amount: 5_000,
        startMonth: from,
        reference: { ...ref('KORPRI', i), kind: 'PERBUP' },
      },
      ...(i % 6 === 0
        ? [
            {
              typeCode: 'KOPERASI',
              kind: 'INSTALMENT',
              instalment: { total: 6_000_000, tenor: 12 },
              startMonth: from,
              reference: ref('KPRI', i),
              accountRef: `PJ-${month.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`,
            },
            {
              typeCode: 'INFAK',
              kind: 'FIXED',
              amount: 20_000,
              startMonth: from,
              reference: { ...ref('INF', i), kind: 'PERNYATAAN' },
            },
          ]
        : []),
    ];
    let version = 0;
    for (const entry of entries) {
      const reply = await call('POST', path, { expectedVersion: version, entry });
      if (reply.status !== 201) {
        throw new Error(`seed: POST ${path} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
      }
      version = (reply.json as { version: number }).version;
      written++;
    }
  }
  return written;
}

/** The seed's hook (seed-api.ts): the calls as the seeding BKPSDM user, from the (simulated) current month. */
export async function seedDemoDeductionsViaApi(baseUrl: string, token: string, seed: TenantSeed) {
  const call: Call = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  return seedDemoDeductions(call, seed, new Date().toISOString().slice(0, 7));
}
