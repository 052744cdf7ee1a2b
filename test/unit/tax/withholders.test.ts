import { describe, expect, it } from 'vitest';
import { reportRuns } from '../../../core/tax/report-runs';
import { type Withholder, withholderFor, withholderIssues } from '../../../core/tax/withholders';

const base: Withholder = {
  id: 'BPKAD',
  name: 'BPKAD',
  npwp: '0001234567890000',
  nitku: '0001234567890000000000',
  bendahara: { nama: 'Bendahara', nip: '198001012005012001' },
  opds: [],
  lists: ['GAJI', 'TPP'],
};

describe('withholders of a tenant (pajak-pelaporan.md §2–3, §10)', () => {
  it('should pick the OPD’s own withholder of a list before the tenant-wide one', () => {
    const gaji = { ...base, lists: ['GAJI' as const] };
    const tppAll = { ...base, id: 'BPKAD-TPP', lists: ['TPP' as const] };
    const tppDisdik = {
      ...base,
      id: 'DISDIK',
      opds: ['DISDIK'],
      lists: ['TPP' as const],
      nitku: '0001234567890000000001',
    };
    const ws = [gaji, tppAll, tppDisdik];
    expect(idOfWithholder(ws, 'DISDIK', 'TPP')).toBe('DISDIK');
    expect(idOfWithholder(ws, 'DINKES', 'TPP')).toBe('BPKAD-TPP');
    expect(idOfWithholder(ws, 'DISDIK', 'GAJI')).toBe('BPKAD');
    expect(idOfWithholder([tppDisdik], 'DINKES', 'TPP')).toBeUndefined();
    expect(withholderIssues(ws)).toEqual([]);
  });

  it('should name a NITKU that is not the NPWP + 6 digits, a repeated id and a list claimed twice', () => {
    const issues = withholderIssues([
      base,
      { ...base, nitku: '0001234567890001000000' },
      { ...base, id: 'DUA', opds: ['DISDIK'], lists: ['TPP'], nitku: '0001234567890000000002' },
      { ...base, id: 'TIGA', opds: ['DISDIK'], lists: ['TPP'], nitku: '0001234567890000000003' },
    ]);
    expect(issues.map((i) => i.path)).toEqual([
      'withholders[1].nitku',
      'withholders[1].id',
      'withholders[1].lists',
      'withholders[1].lists',
      'withholders[3].opds',
    ]);
  });
});

describe('the runs a tax report is built from', () => {
  const run = (id: string, state: 'DRAFT' | 'APPROVED' | 'LOCKED') => ({
    id,
    kind: id.slice(8),
    month: id.slice(0, 7),
    state,
  });
  const march = { label: 'masa Maret 2026', includes: (m: string) => m === '2026-03' };

  it('should take every kind of run of the masa, and only locked ones for a final file', () => {
    const runs = [
      run('2026-03-GAJI_TPP', 'LOCKED'),
      run('2026-03-THR', 'LOCKED'),
      run('2026-02-GAJI_TPP', 'DRAFT'),
    ];
    expect(reportRuns(runs, march, { preview: false })).toEqual({
      runs: [runs[0], runs[1]],
      preview: false,
    });
  });

  it('should refuse a masa with an unlocked run, naming it and its state, and one without runs', () => {
    const runs = [run('2026-03-GAJI_TPP', 'LOCKED'), run('2026-03-THR', 'APPROVED')];
    expect(() => reportRuns(runs, march, { preview: false })).toThrow(/2026-03-THR \(DISETUJUI/);
    expect(reportRuns(runs, march, { preview: true }).preview).toBe(true);
    expect(() => reportRuns([run('2026-03-THR', 'DRAFT')], march, { preview: true })).toThrow(
      /2026-03-THR \(DRAFT\)/,
    );
    expect(() => reportRuns([], march, { preview: true })).toThrow(/Belum ada run/);
  });
});

function idOfWithholder(ws: Withholder[], opd: string, list: 'GAJI' | 'TPP') {
  return withholderFor(ws, opd, list)?.id;
}
