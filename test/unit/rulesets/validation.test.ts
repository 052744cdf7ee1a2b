import { describe, expect, it } from 'vitest';
import { RulesetValidationError } from '../../../core/rulesets/errors';
import { loadNationalRuleset, NATIONAL_RULESET_FILES } from '../../../core/rulesets/national-data';
import { parseNationalRulesetNode } from '../../../core/rulesets/national-ruleset';
import { parseTenantRuleset } from '../../../core/rulesets/tenant-ruleset';
import gajiPns from '../../../rulesets/national/gaji-pokok-pns.json' with { type: 'json' };
import iuran from '../../../rulesets/national/iuran.json' with { type: 'json' };
import pph21Ter from '../../../rulesets/national/pph21-ter.json' with { type: 'json' };
import bantul from '../../../rulesets/tenants/bantul.json' with { type: 'json' };

type Doc = { parameters: { id: string; versions: { from: string; value: unknown }[] }[] };
const clone = <T>(doc: T) => structuredClone(doc) as unknown as Doc;
const versionOf = (doc: Doc, id: string, version = 0) => {
  const v = doc.parameters.find((p) => p.id === id)?.versions[version];
  if (!v) throw new Error(`fixture has no ${id}`);
  return v;
};

function validationError(act: () => unknown): RulesetValidationError {
  try {
    act();
  } catch (error) {
    if (error instanceof RulesetValidationError) return error;
    throw error;
  }
  throw new Error('expected a RulesetValidationError');
}

describe('national ruleset validation', () => {
  it('should accept every shipped node file', () => {
    expect(() => loadNationalRuleset(NATIONAL_RULESET_FILES)).not.toThrow();
  });

  it('should name the file, key and reason of a gap in the gaji grid', () => {
    const doc = clone(gajiPns);
    const grid = versionOf(doc, 'gajiPokok.pns').value as Record<string, unknown>;
    delete grid['II/b'];
    const error = validationError(() => parseNationalRulesetNode(doc, 'gaji-pokok-pns.json'));
    expect(error.message).toBe(
      'gaji-pokok-pns.json: gajiPokok.pns.versions[0].value.II/b: golongan II/b is missing from the grid',
    );
  });

  it('should reject a TER table that is not ascending', () => {
    const doc = clone(pph21Ter);
    const table = versionOf(doc, 'pph21.ter').value as Record<string, { maxBruto: number | null }[]>;
    (table.B as { maxBruto: number | null }[])[3] = { ...(table.B?.[3] ?? { maxBruto: 0 }), maxBruto: 100 };
    const error = validationError(() => parseNationalRulesetNode(doc, 'pph21-ter.json'));
    expect(error.file).toBe('pph21-ter.json');
    expect(error.issues[0]).toEqual({
      path: 'pph21.ter.versions[0].value.B[3].maxBruto',
      reason: expect.stringContaining('contiguous and ascending'),
    });
  });

  it('should reject a TER table whose last bracket is not open', () => {
    const doc = clone(pph21Ter);
    const table = versionOf(doc, 'pph21.ter').value as Record<string, { maxBruto: number | null }[]>;
    const last = table.C?.[table.C.length - 1];
    if (last) last.maxBruto = 2_000_000_000;
    const error = validationError(() => parseNationalRulesetNode(doc, 'pph21-ter.json'));
    expect(error.message).toMatch(
      /pph21\.ter\.versions\[0\]\.value\.C\[40\]\.maxBruto: the last bracket must be open/,
    );
  });

  it('should reject a rate outside 0–100 percent', () => {
    const doc = clone(iuran);
    (versionOf(doc, 'iuran.jkk').value as { percent: number }).percent = 124;
    const error = validationError(() => parseNationalRulesetNode(doc, 'iuran.json'));
    expect(error.message).toBe(
      'iuran.json: iuran.jkk.versions[0].value.percent: a rate must be between 0 and 100 percent',
    );
  });

  it('should reject versions whose dates are not strictly ascending', () => {
    const doc = clone(iuran);
    const jkm = doc.parameters.find((p) => p.id === 'iuran.jkm');
    const first = jkm?.versions[0];
    if (jkm && first) jkm.versions.push({ ...first, from: '2016-01-01' });
    const error = validationError(() => parseNationalRulesetNode(doc, 'iuran.json'));
    expect(error.message).toMatch(
      /iuran\.json: iuran\.jkm\.versions\[1\]\.from: version dates must be strictly ascending/,
    );
  });

  it('should reject an incomplete national ruleset naming the missing parameter', () => {
    const files = NATIONAL_RULESET_FILES.filter(([name]) => !name.endsWith('pembulatan.json'));
    expect(() => loadNationalRuleset(files)).toThrow(
      'national: pembulatan: required national parameter is missing',
    );
  });
});

describe('tenant ruleset validation', () => {
  it('should reject a kelas jabatan missing from the ceilings', () => {
    const doc = clone(bantul);
    delete (versionOf(doc, 'tpp.ceilings', 1).value as { byKelas: Record<string, unknown> }).byKelas['12'];
    const error = validationError(() => parseTenantRuleset(doc, 'bantul.json'));
    expect(error.message).toBe(
      'bantul.json: tpp.ceilings.versions[1].value.byKelas.12: kelas jabatan 12 is missing',
    );
  });

  it('should reject part weights that do not add up to 100%', () => {
    const doc = clone(bantul);
    const parts = versionOf(doc, 'tpp.parts').value as { weightPercent: number }[];
    if (parts[0]) parts[0].weightPercent = 70;
    expect(() => parseTenantRuleset(doc, 'bantul.json')).toThrow(
      'bantul.json: tpp.parts.versions[0].value: part weights must add up to 100 percent',
    );
  });

  it('should reject an attendance rate with more than two decimals', () => {
    const doc = clone(bantul);
    const rows = versionOf(doc, 'tpp.attendance').value as { percentPerOccurrence: number }[];
    if (rows[0]) rows[0].percentPerOccurrence = 0.555;
    expect(() => parseTenantRuleset(doc, 'bantul.json')).toThrow(
      /tpp\.attendance\.versions\[0\]\.value\[0\]\.percentPerOccurrence: a rate may have at most two decimals/,
    );
  });

  it('should reject a missing tenant parameter and an unknown one', () => {
    const doc = clone(bantul);
    doc.parameters = doc.parameters.filter((p) => p.id !== 'tpp.paymentLagMonths');
    expect(() => parseTenantRuleset(doc, 'bantul.json')).toThrow(
      'bantul.json: tpp.paymentLagMonths: required tenant parameter is missing',
    );
    const unknown = clone(bantul);
    unknown.parameters.push({ id: 'tpp.bonus', versions: [] } as never);
    expect(() => parseTenantRuleset(unknown, 'bantul.json')).toThrow(/tpp\.bonus/);
  });
});
