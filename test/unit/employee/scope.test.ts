import { describe, expect, it } from 'vitest';
import { canReadRow, canWriteRow, listScope } from '../../../core/auth/scope';
import { aPrincipal } from '../../builders/employee';

const row = { nip: '198503152010011002', opd: 'DISDIK', atasanNip: '197001012000011001' };

describe('row scoping', () => {
  it('should let bkpsdm and auditors read every row, but only bkpsdm write', () => {
    expect(canReadRow(aPrincipal({ roles: ['auditor'] }), row)).toBe(true);
    expect(canWriteRow(aPrincipal({ roles: ['auditor'] }), row)).toBe(false);
    expect(canWriteRow(aPrincipal({ roles: ['bkpsdm'] }), row)).toBe(true);
  });

  it('should limit an operator to their OPDs', () => {
    const op = aPrincipal({ roles: ['operator'], opds: ['DINKES'] });
    expect(canReadRow(op, row)).toBe(false);
    expect(canWriteRow(op, row)).toBe(false);
    expect(canReadRow({ ...op, opds: ['DISDIK'] }, row)).toBe(true);
    expect(listScope(op)).toEqual({ kind: 'OPDS', opds: ['DINKES'] });
  });

  it('should not give OPD scope to a pegawai whose token happens to carry opds', () => {
    const p = aPrincipal({ roles: ['pegawai'], opds: ['DISDIK'], sub: '199001012015011001' });
    expect(canReadRow(p, row)).toBe(false);
    expect(listScope(p)).toEqual({ kind: 'SELF', nip: '199001012015011001' });
  });

  it('should let an atasan read their bawahan and themselves, and write neither', () => {
    const atasan = aPrincipal({ roles: ['atasan', 'pegawai'], sub: '197001012000011001' });
    expect(canReadRow(atasan, row)).toBe(true);
    expect(canWriteRow(atasan, row)).toBe(false);
    expect(canReadRow(atasan, { ...row, atasanNip: '196001012000011001' })).toBe(false);
    expect(listScope(atasan)).toEqual({
      kind: 'BAWAHAN',
      atasanNip: '197001012000011001',
      includeSelf: true,
    });
  });

  it('should let a pegawai read only their own row', () => {
    const self = aPrincipal({ roles: ['pegawai'], sub: row.nip });
    expect(canReadRow(self, row)).toBe(true);
    expect(canReadRow(self, { ...row, nip: '198503152010011003' })).toBe(false);
  });
});
