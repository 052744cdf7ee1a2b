import { describe, expect, it } from 'vitest';
import { nationalRuleset } from '../../../core/rulesets/national-data';
import { versionInForce } from '../../../core/rulesets/parameter';
import { rulesInForce } from '../../../core/rulesets/rules-in-force';
import { rulesetVersion, sha256Hex, stableStringify } from '../../../core/rulesets/ruleset-version';
import { demoTenantRulesets } from '../../../core/rulesets/tenant-data';

describe('versionInForce', () => {
  const parameter = {
    id: 'x',
    label: 'x',
    versions: [
      { from: '2024-01-01', value: 1, source: { regulation: 'a', refs: [] }, confidence: 'DEMO' as const },
      { from: '2025-01-15', value: 2, source: { regulation: 'b', refs: [] }, confidence: 'DEMO' as const },
    ],
  };

  it('should pick the latest version starting on or before the first day of the month', () => {
    expect(versionInForce(parameter, '2023-12')).toBeUndefined();
    expect(versionInForce(parameter, '2024-01')?.value).toBe(1);
    expect(versionInForce(parameter, '2025-01')?.value).toBe(1);
    expect(versionInForce(parameter, '2025-02')?.value).toBe(2);
  });
});

describe('rulesInForce', () => {
  it('should list every national parameter with value, source and confidence', () => {
    const rules = rulesInForce(nationalRuleset, '2026-06');
    expect(rules).toHaveLength(Object.keys(nationalRuleset.parameters).length);
    expect(rules.find((r) => r.id === 'iuran.jkk')).toMatchObject({
      value: { percent: 0.24 },
      confidence: 'VERIFIED',
      source: { refs: ['S-JAMBI', 'S-DAERAH-TEST'] },
    });
    expect(rules.find((r) => r.id === 'tunjanganStruktural')?.confidence).toBe('UNVERIFIED');
    expect(rules.find((r) => r.id === 'tunjanganFungsional.DOSEN')?.confidence).toBe('SINGLE-SOURCE');
  });

  it('should list the tenant version in force for a past month', () => {
    const ceilings = (month: string) =>
      rulesInForce(demoTenantRulesets.bantul, month).find((r) => r.id === 'tpp.ceilings');
    expect(ceilings('2025-06')?.from).toBe('2024-01-01');
    expect(ceilings('2026-06')?.from).toBe('2026-01-01');
    expect(ceilings('2026-06')).toMatchObject({
      confidence: 'DEMO',
      followsExample: expect.stringContaining('Jambi'),
    });
  });
});

describe('rulesetVersion', () => {
  it('should hash with a correct SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('should not depend on key order', () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      stableStringify({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });

  it('should differ per tenant and be stable per content', () => {
    const a = rulesetVersion({ national: nationalRuleset, tenant: demoTenantRulesets.bantul });
    const b = rulesetVersion({
      national: nationalRuleset,
      tenant: structuredClone(demoTenantRulesets.bantul),
    });
    const c = rulesetVersion({ national: nationalRuleset, tenant: demoTenantRulesets.binjai });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
