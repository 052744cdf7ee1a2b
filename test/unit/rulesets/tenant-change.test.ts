import { describe, expect, it } from 'vitest';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { versionInForce } from '../../../core/rulesets/parameter';
import { rulesetVersion } from '../../../core/rulesets/ruleset-version';
import {
  applyApprovedChanges,
  firstMonthInForce,
  parameterHistory,
  parameterLabels,
  type RuleChange,
  type RuleChangeProposal,
  validateProposal,
  valueDiff,
} from '../../../core/rulesets/tenant-change';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';
import { tenantRulesFor } from '../../../core/rulesets/tenant-in-force';
import { tenantParameter } from '../../../core/rulesets/tenant-ruleset';

const bantul = demoTenantRulesets.bantul;
const labels = parameterLabels(bantul);
const attendance2026 = versionInForce(tenantParameter(bantul, 'tpp.attendance'), '2026-06')!.value;
const ceilings2026 = versionInForce(tenantParameter(bantul, 'tpp.ceilings'), '2026-06')!.value;

function proposal(changes: RuleChangeProposal['changes'], extra: Partial<RuleChangeProposal> = {}) {
  return {
    title: 'Perubahan Perbup TPP',
    source: {
      regulation: 'Peraturan Bupati Bantul Nomor 12 Tahun 2026',
      article: 'Pasal 5',
      date: '2026-09-20',
    },
    effectiveFrom: '2027-01-01',
    confidence: 'VERIFIED',
    changes,
    ...extra,
  } satisfies RuleChangeProposal;
}

const validate = (p: RuleChangeProposal, lockedMonths: string[] = []) =>
  validateProposal(p, { lockedMonths, labels });

/** The seed's TL ladder with TL3 moved: 1–30, 31–60, then 70–90 (a gap of 61–69). */
function ladderWith(tl3: { from: number; to: number | null }) {
  return attendance2026.map((row) => (row.code === 'TL3' ? { ...row, minutes: tl3 } : row));
}

describe('validateProposal', () => {
  it('accepts the seed values unchanged', () => {
    expect(validate(proposal([{ parameterId: 'tpp.attendance', value: attendance2026 }]))).toEqual([]);
  });

  it('names a gap in the lateness ladder by row and minutes', () => {
    const issues = validate(
      proposal([{ parameterId: 'tpp.attendance', value: ladderWith({ from: 70, to: 90 }) }]),
    );
    expect(issues).toHaveLength(1);
    // TL3 is the third row of the seed's list (index 2).
    expect(issues[0]!.path).toBe('changes[0].value[2].minutes.from');
    expect(issues[0]!.message).toContain('tpp.attendance');
    expect(issues[0]!.message).toContain('berlubang');
    expect(issues[0]!.message).toContain('61–69');
  });

  it('names an overlap in the lateness ladder', () => {
    const issues = validate(
      proposal([{ parameterId: 'tpp.attendance', value: ladderWith({ from: 55, to: 90 }) }]),
    );
    expect(issues.map((i) => i.path)).toEqual(['changes[0].value[2].minutes.from']);
    expect(issues[0]!.message).toContain('tumpang tindih');
    expect(issues[0]!.message).toContain('TL2 sampai menit 60');
  });

  it('refuses a ceiling for kelas 18, naming the kelas', () => {
    const value = { byKelas: { ...ceilings2026.byKelas, 18: { BK: 12_000_000 } } };
    const issues = validate(proposal([{ parameterId: 'tpp.ceilings', value }]));
    expect(issues).toEqual([
      {
        path: 'changes[0].value.byKelas.18',
        message: expect.stringContaining('kelas jabatan tidak ada: hanya kelas 1–17'),
      },
    ]);
    expect(issues[0]!.message).toContain('Pagu TPP per kelas jabatan');
  });

  it('refuses percentages over 100, one issue per field, in Indonesian', () => {
    const value = { RINGAN: 10, SEDANG: 125, BERAT: 100.5 };
    const issues = validate(proposal([{ parameterId: 'tpp.sanctions', value }]));
    expect(issues.map((i) => i.path)).toEqual(['changes[0].value.SEDANG', 'changes[0].value.BERAT']);
    expect(issues.every((i) => i.message.endsWith('persentase harus antara 0 dan 100'))).toBe(true);
  });

  it('names a missing field and an unknown parameter', () => {
    const issues = validate(
      proposal([
        { parameterId: 'tpp.sanctions', value: { RINGAN: 10, SEDANG: 25 } },
        { parameterId: 'tpp.bonus', value: 1 },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['changes[0].value.BERAT', 'changes[1].parameterId']);
  });

  it('asks for a reason when the date reaches back into locked months, and names them', () => {
    const p = proposal([{ parameterId: 'tpp.ceilings', value: ceilings2026 }], {
      effectiveFrom: '2026-10-01',
    });
    const issues = validate(p, ['2026-09', '2026-10', '2026-11']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('retroactiveReason');
    expect(issues[0]!.message).toContain('2026-10, 2026-11');
    expect(validate({ ...p, retroactiveReason: 'Perbup berlaku surut sejak Oktober' }, ['2026-10'])).toEqual(
      [],
    );
    // A mid-month date is in force from the next pay month: November is the first month it reaches.
    expect(firstMonthInForce('2026-10-15')).toBe('2026-11');
    expect(validate({ ...p, effectiveFrom: '2026-11-02' }, ['2026-11'])).toEqual([]);
  });
});

function approved(id: string, seq: number, p: RuleChangeProposal): RuleChange {
  return {
    ...p,
    id,
    status: 'APPROVED',
    seq,
    proposedBy: 'a',
    proposedAt: '2026-12-01T00:00:00Z',
    decidedBy: 'b',
  };
}

describe('applyApprovedChanges', () => {
  const raised = {
    byKelas: { ...ceilings2026.byKelas, 7: { BK: 1_900_000, PK: 500_000, KK: 250_000 } },
  };

  it('puts the new version in force from its date and leaves earlier months as they were', () => {
    const change = approved(
      'c1',
      1,
      proposal([{ parameterId: 'tpp.ceilings', value: raised }], { effectiveFrom: '2026-10-01' }),
    );
    const after = applyApprovedChanges(bantul, [change]);
    const kelas7 = (month: string) =>
      tenantRulesFor(after, month)
        .ceilings.value.get(7)
        ?.find((c) => c.criterion === 'BK')?.amount;
    expect(kelas7('2026-09')).toBe(1_750_000);
    expect(kelas7('2026-10')).toBe(1_900_000);
    expect(tenantRulesFor(after, '2026-10').ceilings.citation).toMatchObject({
      regulation: 'Peraturan Bupati Bantul Nomor 12 Tahun 2026',
      article: 'Pasal 5',
      confidence: 'VERIFIED',
      from: '2026-10-01',
    });
    // Rules that differ hash differently; the seed object is not touched.
    expect(rulesetVersion({ national: nationalRuleset, tenant: after })).not.toBe(
      rulesetVersion({ national: nationalRuleset, tenant: bantul }),
    );
    expect(tenantParameter(bantul, 'tpp.ceilings').versions).toHaveLength(2);
  });

  it('lets a later approval on the same date supersede an earlier one; proposals do not apply', () => {
    const first = approved('c1', 1, proposal([{ parameterId: 'tpp.ceilings', value: raised }]));
    const second = approved(
      'c2',
      2,
      proposal([
        { parameterId: 'tpp.ceilings', value: { byKelas: { ...raised.byKelas, 7: { BK: 2_000_000 } } } },
      ]),
    );
    const pending: RuleChange = { ...second, id: 'c3', status: 'PROPOSED', seq: undefined };
    const after = applyApprovedChanges(bantul, [second, pending, first]);
    const versions = tenantParameter(after, 'tpp.ceilings').versions;
    expect(versions.map((v) => v.from)).toEqual(['2024-01-01', '2026-01-01', '2027-01-01']);
    expect(tenantRulesFor(after, '2027-01').ceilings.value.get(7)).toEqual([
      { criterion: 'BK', amount: 2_000_000 },
    ]);
  });
});

describe('parameterHistory', () => {
  it('lists seed and changes by date with who proposed and approved, and the difference to the version before', () => {
    const raised = {
      byKelas: { ...ceilings2026.byKelas, 8: { ...ceilings2026.byKelas['8'], BK: 2_100_000 } },
    };
    const change = approved('c1', 1, proposal([{ parameterId: 'tpp.ceilings', value: raised }]));
    const history = parameterHistory(bantul, [change], 'tpp.ceilings')!;
    expect(history.map((h) => [h.from, h.origin])).toEqual([
      ['2024-01-01', 'SEED'],
      ['2026-01-01', 'SEED'],
      ['2027-01-01', 'CHANGE'],
    ]);
    expect(history[2]).toMatchObject({ proposedBy: 'a', decidedBy: 'b', changeId: 'c1', superseded: false });
    expect(history[2]!.diff).toEqual([{ path: 'byKelas.8.BK', before: 2_030_000, after: 2_100_000 }]);
    expect(parameterHistory(bantul, [], 'tpp.nothing')).toBeUndefined();
  });

  it('diffs arrays and added keys leaf by leaf', () => {
    expect(valueDiff({ a: [1, 2] }, { a: [1, 3], b: true })).toEqual([
      { path: 'a[1]', before: 2, after: 3 },
      { path: 'b', after: true },
    ]);
  });
});
