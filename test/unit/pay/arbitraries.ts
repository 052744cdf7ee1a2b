import fc from 'fast-check';
import type { Jabatan, LeaveEntry, PayInput, SanctionEntry } from '../../../core/pay/types';
import { PNS_GOLONGAN, PPPK_GOLONGAN, PTKP_STATUSES } from '../../../core/rulesets/value-schemas';
import { aChild, anEmployee, aTppPeriod } from './builders';

export const TENANT_IDS = ['bantul', 'binjai', 'sofifi', 'bukitintan'] as const;
const ATTENDANCE = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK', 'APEL', 'DL'] as const;

const jabatan: fc.Arbitrary<Jabatan> = fc.oneof(
  fc.constant({ type: 'PELAKSANA' } as const),
  fc.constantFrom('I.b', 'II.a', 'III.a', 'IV.b').map((eselon) => ({ type: 'STRUKTURAL', eselon }) as const),
  fc
    .constantFrom('AHLI_PERTAMA', 'AHLI_MUDA')
    .map((jenjang) => ({ type: 'FUNGSIONAL', code: 'GURU', jenjang }) as const),
  fc
    .integer({ min: 0, max: 2_000_000 })
    .map((amount) => ({ type: 'FUNGSIONAL', code: 'X', jenjang: 'Y', amount }) as const),
);

const leave: fc.Arbitrary<LeaveEntry> = fc.oneof(
  fc.record({
    type: fc.constantFrom('CUTI_TAHUNAN', 'CUTI_SAKIT', 'CUTI_BESAR', 'CUTI_ALASAN_PENTING'),
    days: fc.integer({ min: 0, max: 200 }),
  }),
  fc.record({
    type: fc.constant('CUTI_MELAHIRKAN'),
    days: fc.integer({ min: 1, max: 31 }),
    childOrder: fc.integer({ min: 1, max: 5 }),
    monthOfLeave: fc.integer({ min: 1, max: 3 }),
  }),
);

const sanction: fc.Arbitrary<SanctionEntry> = fc
  .record({
    level: fc.constantFrom('RINGAN', 'SEDANG', 'BERAT'),
    cutPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    skNumber: fc.constant('SK/uji'),
  })
  .map((s) => (s.cutPercent === undefined ? { level: s.level, skNumber: s.skNumber } : s));

const child = fc
  .record({
    year: fc.integer({ min: 1998, max: 2025 }),
    status: fc.constantFrom('KANDUNG', 'ANGKAT', 'TIRI'),
    inSchool: fc.boolean(),
    married: fc.boolean(),
    hasIncome: fc.boolean(),
  })
  .map(({ year, ...rest }) => aChild({ birthDate: `${year}-06-15`, ...rest }));

/** Any plausible month of 2025–2026 for any demo tenant, including last masa with year-to-date facts. */
export const aPayInputArb: fc.Arbitrary<PayInput> = fc
  .record({
    tenantId: fc.constantFrom(...TENANT_IDS),
    monthNo: fc.integer({ min: 1, max: 12 }),
    year: fc.constantFrom(2025, 2026),
    jenisAsn: fc.constantFrom('PNS', 'CPNS', 'PPPK'),
    pnsGolongan: fc.constantFrom(...PNS_GOLONGAN),
    pppkGolongan: fc.constantFrom(...PPPK_GOLONGAN),
    mkgYears: fc.integer({ min: 3, max: 40 }),
    jabatan,
    kelasJabatan: fc.integer({ min: 1, max: 17 }),
    spouse: fc.option(fc.record({ isAsn: fc.boolean(), receivesAllowanceHere: fc.boolean() }), {
      nil: undefined,
    }),
    children: fc.array(child, { maxLength: 4 }),
    ptkpStatus: fc.constantFrom(...PTKP_STATUSES),
    status: fc.constantFrom('AKTIF', 'AKTIF', 'AKTIF', 'TUGAS_BELAJAR', 'CLTN', 'PEMBERHENTIAN_SEMENTARA'),
    hasNpwp: fc.boolean(),
    counts: fc.dictionary(fc.constantFrom(...ATTENDANCE), fc.integer({ min: 0, max: 25 }), { maxKeys: 4 }),
    leave: fc.array(leave, { maxLength: 2 }),
    sanctions: fc.array(sanction, { maxLength: 2 }),
    predikat: fc.constantFrom('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'CUKUP', 'KURANG', 'SANGAT_KURANG'),
    perfStatus: fc.constantFrom('FINAL', 'FINAL', 'BELUM_DINILAI', 'TIDAK_ADA_SKP', 'SKP_BELUM_DISETUJUI'),
    atasanTidakMenilai: fc.boolean(),
    served: fc.integer({ min: 0, max: 22 }),
    otherBpjs: fc.integer({ min: 0, max: 10_000_000 }),
    ytdScale: fc.integer({ min: 0, max: 200 }),
  })
  .map((r): PayInput => {
    const month = `${r.year}-${r.monthNo < 10 ? '0' : ''}${r.monthNo}`;
    const periods = [0, 1].map((k) => {
      const idx = r.year * 12 + r.monthNo - 1 - k;
      const m = (idx % 12) + 1;
      return aTppPeriod(`${Math.floor(idx / 12)}-${m < 10 ? '0' : ''}${m}`, {
        performance:
          r.perfStatus === 'FINAL'
            ? { status: 'FINAL', predikat: r.predikat, atasanTidakMenilai: r.atasanTidakMenilai }
            : { status: r.perfStatus },
        discipline: { counts: r.counts, leave: r.leave, sanctions: r.sanctions },
        workingDays: { inMonth: 22, served: r.served },
      });
    });
    const ytd = r.monthNo === 12;
    return {
      tenantId: r.tenantId,
      month,
      employee: anEmployee({
        jenisAsn: r.jenisAsn,
        golongan: r.jenisAsn === 'PPPK' ? r.pppkGolongan : r.pnsGolongan,
        mkgYears: r.mkgYears,
        jabatan: r.jabatan,
        kelasJabatan: r.kelasJabatan,
        family: { ...(r.spouse ? { spouse: r.spouse } : {}), children: r.children },
        ptkpStatus: r.ptkpStatus,
        status: r.status,
        hasNpwp: r.hasNpwp,
      }),
      otherBpjsBaseThisMonth: r.otherBpjs,
      tppPeriods: periods,
      ...(ytd
        ? {
            taxYtd: {
              brutoGaji: 11 * 4_000_000,
              brutoTpp: 11 * 30_000 * r.ytdScale,
              pphGaji: 11 * 1_000 * r.ytdScale,
              pphTpp: 11 * 500 * r.ytdScale,
              iuranPensiun: 11 * 300_000,
              monthsWorked: 11,
            },
          }
        : {}),
    };
  });
