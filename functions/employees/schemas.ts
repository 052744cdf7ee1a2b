import * as z from 'zod';
import {
  ESELON,
  GOLONGAN_PNS,
  GOLONGAN_PPPK,
  JENIS_ASN,
  PTKP_STATUS,
  STATUS_KAWIN,
  STATUS_KEPEGAWAIAN,
} from '../../core/employee/employee';
import {
  checkAccountNumber,
  checkBankCode,
  checkNik,
  checkNitku,
  checkNpwp,
  type IdCheck,
} from '../../core/employee/identity-numbers';
import { isoDate, nipSchema, paginationQuery, versionSchema } from '../http/common-schemas';

const nama = z.string().trim().min(2, 'minimal 2 karakter').max(120);

/**
 * A zod string checked by one of the identity-number checks of core, with its Indonesian reason. The
 * longest such number, written with its dots and dashes, is under 40 characters.
 */
function checked(check: (value: string) => IdCheck) {
  return z
    .string()
    .max(40, 'maksimal 40 karakter')
    .superRefine((value, ctx) => {
      const result = check(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
    });
}

export const nikSchema = checked(checkNik);
const npwpSchema = checked(checkNpwp);
const nitkuSchema = checked((v) => checkNitku(v, undefined));

export const jabatanSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('STRUKTURAL'),
    nama,
    eselon: z.enum(ESELON),
    kelasJabatan: z.number().int().min(1).max(17),
  }),
  z.strictObject({
    type: z.literal('FUNGSIONAL'),
    nama,
    kode: z.string().regex(/^[A-Z0-9_]{2,40}$/, 'kode jabatan fungsional: huruf besar, angka, _'),
    jenjang: z.string().min(2).max(60),
    tunjangan: z.number().int().min(0).max(50_000_000).optional(),
    kelasJabatan: z.number().int().min(1).max(17),
  }),
  z.strictObject({ type: z.literal('PELAKSANA'), nama, kelasJabatan: z.number().int().min(1).max(17) }),
]);

export const keluargaSchema = z
  .strictObject({
    statusKawin: z.enum(STATUS_KAWIN),
    spouse: z
      .strictObject({
        nama,
        isAsn: z.boolean(),
        nip: nipSchema.optional(),
        receivesAllowanceHere: z.boolean(),
        nik: nikSchema.optional(),
        birthDate: isoDate.optional(),
        marriedOn: isoDate.optional(),
      })
      .optional(),
    children: z
      .array(
        z.strictObject({
          nama,
          birthDate: isoDate,
          status: z.enum(['KANDUNG', 'ANGKAT', 'TIRI']),
          inSchool: z.boolean().default(false),
          married: z.boolean().default(false),
          hasIncome: z.boolean().default(false),
          nik: nikSchema.optional(),
          gender: z.enum(['L', 'P']).optional(),
        }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((k, ctx) => {
    if (k.statusKawin === 'KAWIN' && !k.spouse) {
      ctx.addIssue({ code: 'custom', path: ['spouse'], message: 'wajib diisi untuk status KAWIN' });
    }
    if (k.statusKawin !== 'KAWIN' && k.spouse) {
      ctx.addIssue({ code: 'custom', path: ['spouse'], message: 'hanya untuk status KAWIN' });
    }
  });

const opdCode = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,30}$/, 'kode OPD: huruf besar, angka, . _ -');

export const timelineSchemas = {
  pangkat: z.strictObject({ golongan: z.string().max(10), tmt: isoDate }),
  masaKerja: z.strictObject({
    years: z.number().int().min(0).max(45),
    months: z.number().int().min(0).max(11),
    tmt: isoDate,
  }),
  jabatan: jabatanSchema,
  penempatan: z.strictObject({
    opd: opdCode,
    unit: z.string().min(2).max(120),
    atasanNip: nipSchema.optional(),
  }),
  keluarga: keluargaSchema,
  kepegawaian: z.strictObject({
    jenisAsn: z.enum(JENIS_ASN),
    status: z.enum(STATUS_KEPEGAWAIAN).default('AKTIF'),
  }),
};

const identityFields = {
  nama,
  gelarDepan: z.string().max(30).optional(),
  gelarBelakang: z.string().max(60).optional(),
  nik: nikSchema.optional(),
  alamat: z.string().trim().min(5).max(200).optional(),
  npwp: npwpSchema.optional(),
  nitku: nitkuSchema.optional(),
  ptkpStatus: z.enum(PTKP_STATUS),
  bankAccount: z
    .strictObject({
      bank: z.string().min(2).max(60),
      bankCode: checked(checkBankCode).optional(),
      accountNumber: checked(checkAccountNumber),
      accountName: nama,
    })
    .optional(),
  tmtStart: isoDate,
  tmtEnd: isoDate.optional(),
};

function golonganMatchesJenis(jenis: string | undefined, golongan: string | undefined): string | undefined {
  if (!jenis || !golongan) return undefined;
  const list: readonly string[] = jenis === 'PPPK' ? GOLONGAN_PPPK : GOLONGAN_PNS;
  if (list.includes(golongan)) return undefined;
  return jenis === 'PPPK' ? 'golongan PPPK harus I sampai XVII' : 'golongan PNS/CPNS harus I/a sampai IV/e';
}

export const createEmployeeBody = z
  .strictObject({
    nip: nipSchema,
    ...identityFields,
    ...timelineSchemas,
  })
  .superRefine((e, ctx) => {
    const msg = golonganMatchesJenis(e.kepegawaian.jenisAsn, e.pangkat.golongan);
    if (msg) ctx.addIssue({ code: 'custom', path: ['pangkat', 'golongan'], message: msg });
    if (e.tmtEnd && e.tmtEnd < e.tmtStart) {
      ctx.addIssue({ code: 'custom', path: ['tmtEnd'], message: 'tidak boleh sebelum tmtStart' });
    }
    if (e.nitku && e.npwp) {
      const nitku = checkNitku(e.nitku, e.npwp);
      if (!nitku.ok) ctx.addIssue({ code: 'custom', path: ['nitku'], message: nitku.reason });
    }
    if (e.penempatan.atasanNip === e.nip) {
      ctx.addIssue({
        code: 'custom',
        path: ['penempatan', 'atasanNip'],
        message: 'atasan tidak boleh diri sendiri',
      });
    }
  })
  .meta({ id: 'EmployeeCreate' });
export type CreateEmployeeBody = z.infer<typeof createEmployeeBody>;

export const updateEmployeeBody = z
  .strictObject({
    expectedVersion: versionSchema(1),
    /** The date the timeline changes take effect (SK TMT); identity changes apply at once. */
    effectiveFrom: isoDate.optional(),
    reason: z.string().min(3).max(300).optional(),
    ...Object.fromEntries(Object.entries(identityFields).map(([k, v]) => [k, v.optional()])),
    pangkat: timelineSchemas.pangkat.optional(),
    masaKerja: timelineSchemas.masaKerja.optional(),
    jabatan: timelineSchemas.jabatan.optional(),
    penempatan: timelineSchemas.penempatan.optional(),
    keluarga: timelineSchemas.keluarga.optional(),
    kepegawaian: timelineSchemas.kepegawaian.optional(),
  })
  .superRefine((u, ctx) => {
    const changed = Object.keys(u).filter((k) => !['expectedVersion', 'effectiveFrom', 'reason'].includes(k));
    if (changed.length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'tidak ada perubahan' });
    const timelineChanged = Object.keys(timelineSchemas).some((k) => k in u);
    if (timelineChanged && !u.effectiveFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['effectiveFrom'],
        message:
          'wajib diisi bila pangkat, masa kerja, jabatan, penempatan, keluarga atau kepegawaian berubah',
      });
    }
  })
  .meta({ id: 'EmployeeUpdate' });
export type UpdateEmployeeBody = z.infer<typeof updateEmployeeBody> & Partial<CreateEmployeeBody>;

export const nipParams = z.strictObject({ nip: nipSchema });

export const listEmployeesQuery = z.strictObject({
  opd: opdCode.optional(),
  /** Search: part of the name (any case) or the start of the NIP (spaces ignored). */
  q: z.string().trim().min(2, 'minimal 2 karakter').max(60).optional(),
  jenis: z.enum(JENIS_ASN).optional(),
  status: z.enum(STATUS_KEPEGAWAIAN).optional(),
  ...paginationQuery,
});

export const getEmployeeQuery = z.strictObject({ asOf: isoDate.optional() });

export const employeeResponse = z
  .looseObject({ nip: z.string(), nama: z.string(), version: z.number(), asOf: z.string() })
  .meta({ id: 'Employee' });

export const employeeListResponse = z
  .object({ items: z.array(employeeResponse), nextToken: z.string().optional() })
  .meta({ id: 'EmployeeList' });

export const historyResponse = z
  .object({
    nip: z.string(),
    timelines: z.record(z.string(), z.array(z.object({ from: z.string(), value: z.unknown() }))),
  })
  .meta({ id: 'EmployeeHistory' });
