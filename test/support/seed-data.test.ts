import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tenantRegistry } from '../../config/registry';
import { checkNip } from '../../core/employee/nip';
import { createEmployeeBody } from '../../functions/employees/schemas';
import { demoUsers } from '../../infra/local/seed/demo-users';
import { generateTenantSeed, SEED_AS_OF } from '../../infra/local/seed/employees';
import { ptkpStatus } from '../../infra/local/seed/family';
import { atasanLevels } from '../../infra/local/seed/seed-api';

const TENANTS = [...tenantRegistry().keys()].sort();
const BANKS: Record<string, string> = {
  bantul: 'BPD DIY',
  binjai: 'Bank Sumut',
  sofifi: 'Bank Maluku Malut',
  bukitintan: 'Bank BPD',
};

describe.each(TENANTS)('demo data of %s', (tenantId) => {
  const seed = generateTenantSeed(tenantId);
  const employees = seed.members.map((m) => m.employee);

  it('should hold 25 to 40 employees that all pass the create schema', () => {
    expect(employees.length).toBeGreaterThanOrEqual(25);
    expect(employees.length).toBeLessThanOrEqual(40);
    for (const e of employees) expect(() => createEmployeeBody.parse(e), e.nip).not.toThrow();
  });

  it('should be the same on every run', () => {
    expect(generateTenantSeed(tenantId)).toEqual(seed);
  });

  it('should use unique valid NIPs whose TMT is the start of service', () => {
    const nips = employees.map((e) => e.nip);
    expect(new Set(nips).size).toBe(nips.length);
    for (const e of employees) {
      const check = checkNip(e.nip);
      expect(check.ok, e.nip).toBe(true);
      if (check.ok) expect(e.tmtStart).toBe(`${check.parts.tmtMonth}-01`);
      expect(e.pangkat.tmt >= e.tmtStart && e.pangkat.tmt <= SEED_AS_OF, e.nip).toBe(true);
    }
  });

  it('should list every atasan before their bawahan, inside the same tenant', () => {
    expect(() => atasanLevels(seed.members)).not.toThrow();
    const heads = seed.members.filter((m) => m.role === 'kepala');
    expect(heads).toHaveLength(seed.opds.length);
    for (const head of heads) expect(head.employee.penempatan.atasanNip).toBeUndefined();
  });

  it('should mix PNS of several golongan, CPNS and PPPK of golongan V, VII, IX and X', () => {
    const golongan = (jenis: string) =>
      new Set(employees.filter((e) => e.kepegawaian.jenisAsn === jenis).map((e) => e.pangkat.golongan));
    expect(golongan('PPPK')).toEqual(new Set(['V', 'VII', 'IX', 'X']));
    expect(golongan('CPNS').size).toBeGreaterThanOrEqual(1);
    expect(golongan('PNS').size).toBeGreaterThanOrEqual(6);
  });

  it('should give kelas jabatan that fit the jabatan', () => {
    for (const { role, employee: e } of seed.members) {
      const kelas = e.jabatan.kelasJabatan;
      if (role === 'kepala') expect([14, 15]).toContain(kelas);
      else if (role === 'kabid') expect([11, 12]).toContain(kelas);
      else if (role === 'kasubbag') expect(kelas).toBe(9);
      else if (e.jabatan.type === 'FUNGSIONAL') expect(kelas >= 7 && kelas <= 10, e.jabatan.kode).toBe(true);
      else expect(kelas >= 5 && kelas <= 7).toBe(true);
    }
  });

  it('should include the family cases payroll must handle', () => {
    const families = employees.map((e) => e.keluarga);
    const asOfYear = Number(SEED_AS_OF.slice(0, 4));
    expect(families.some((k) => k.children.length === 3)).toBe(true);
    expect(
      families.some((k) =>
        k.children.some((c) => asOfYear - Number(c.birthDate.slice(0, 4)) > 21 && c.inSchool),
      ),
    ).toBe(true);
    const asnSpouses = families.flatMap((k) => (k.spouse?.isAsn ? [k.spouse] : []));
    expect(asnSpouses.length).toBeGreaterThanOrEqual(1);
    for (const s of asnSpouses) {
      expect(s.receivesAllowanceHere).toBe(false);
      expect(checkNip(s.nip ?? '').ok).toBe(true);
    }
  });

  it('should derive PTKP from the family and use 16-digit NPWP and the tenant’s bank', () => {
    for (const e of employees) {
      const gender = e.nip.charAt(14) === '1' ? 'L' : 'P';
      expect(e.ptkpStatus, e.nip).toBe(ptkpStatus(gender, createEmployeeBody.parse(e).keluarga));
      expect(e.npwp).toMatch(/^\d{16}$/);
      expect(e.bankAccount?.bank).toBe(BANKS[tenantId]);
    }
  });

  it('should pick demo users that exist and fit their roles', () => {
    const users = demoUsers(seed);
    const byNip = new Map(employees.map((e) => [e.nip, e]));
    expect(users.map((u) => u.label)).toEqual([
      'bkpsdm',
      'operator',
      'atasan',
      'pegawai',
      'auditor',
      'penyetuju-aturan',
    ]);
    const [, operator, atasan, pegawai] = users;
    expect(byNip.get(operator!.sub)?.penempatan.opd).toBe(operator!.opds[0]);
    expect(byNip.get(pegawai!.sub)?.penempatan.atasanNip).toBe(atasan!.sub);
    for (const u of users.slice(0, 4)) expect(byNip.has(u.sub)).toBe(true);
  });
});

describe('demo data generator', () => {
  it('should never use Math.random (seeded PRNG only)', () => {
    const dir = new URL('../../infra/local/seed/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/Math\.random/);
    }
  });
});
