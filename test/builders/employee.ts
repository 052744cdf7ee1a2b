import type { Principal } from '../../core/auth/principal';
import type { CreateEmployeeBody } from '../../functions/employees/schemas';

/** A registrable PNS with sensible defaults; override only what a test is about. */
export function anEmployee(overrides: Partial<CreateEmployeeBody> = {}): CreateEmployeeBody {
  return {
    nip: '198503152010011002',
    nama: 'Budi Santoso',
    ptkpStatus: 'K/1',
    npwp: '3402011503850002',
    bankAccount: { bank: 'BPD DIY', accountNumber: '0012345678', accountName: 'Budi Santoso' },
    tmtStart: '2010-01-01',
    pangkat: { golongan: 'III/b', tmt: '2018-04-01' },
    masaKerja: { years: 12, months: 3, tmt: '2022-01-01' },
    jabatan: { type: 'PELAKSANA', nama: 'Pengelola Data', kelasJabatan: 7 },
    penempatan: { opd: 'DISDIK', unit: 'Sekretariat' },
    keluarga: {
      statusKawin: 'KAWIN',
      spouse: { nama: 'Sri Lestari', isAsn: false, receivesAllowanceHere: true },
      children: [
        {
          nama: 'Andi',
          birthDate: '2014-06-01',
          status: 'KANDUNG',
          inSchool: true,
          married: false,
          hasIncome: false,
        },
      ],
    },
    kepegawaian: { jenisAsn: 'PNS', status: 'AKTIF' },
    ...overrides,
  };
}

export function aPrincipal(overrides: Partial<Principal> = {}): Principal {
  return { tenantId: 'bantul', sub: 'bkpsdm.admin', roles: ['bkpsdm'], opds: [], ...overrides };
}

/** Makes the n-th distinct valid NIP (same birth date and TMT, varying sequence). */
export function nipNo(n: number, gender: 1 | 2 = 1): string {
  return `19850315201001${gender}${String(n + 1).padStart(3, '0')}`;
}
