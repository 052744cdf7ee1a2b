import { describe, expect, it } from 'vitest';
import {
  appraisalSettingsInForce,
  parseAppraisalSettings,
} from '../../../core/performance/appraisal-settings';
import { RuleNotInForceError, RulesetValidationError } from '../../../core/rulesets/errors';
import { demoSettingsJson, settingsOf } from './builders';

// biome-ignore lint/suspicious/noExplicitAny: the tests poke arbitrary keys of a JSON document to break it.
type Json = Record<string, any>;

function brokenBantul(edit: (value: Json) => void): Json {
  const doc = demoSettingsJson('bantul') as Json;
  edit(doc.versions[0].value);
  return doc;
}

function issuesOf(json: unknown, file = 'rulesets/appraisal/bantul.json') {
  try {
    parseAppraisalSettings(json, file);
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetValidationError);
    return (error as RulesetValidationError).issues;
  }
  throw new Error('expected a validation error');
}

describe('demo appraisal settings', () => {
  it('should make the four tenants differ as configured', () => {
    const [bantul, binjai, sofifi, bukitintan] = (['bantul', 'binjai', 'sofifi', 'bukitintan'] as const).map(
      (t) => settingsOf(t),
    );
    expect(bantul).toMatchObject({
      evaluation: { mode: 'MATRIX' },
      peerFeedback: { enabled: false },
      followUp: { pembinaan: { enabled: true }, recognition: { enabled: true } },
    });
    expect(binjai).toMatchObject({ evaluation: { mode: 'MATRIX' }, calibration: { groupBy: 'UNIT' } });
    expect(binjai?.attendance.lateBands[0]).toEqual({ code: 'TL0', fromMinute: 1, toMinute: 30 });
    expect(bantul?.attendance.lateBands[0]).toEqual({ code: 'TL1', fromMinute: 1, toMinute: 30 });
    expect(sofifi).toMatchObject({
      peerFeedback: { enabled: true, use: 'EVIDENCE' },
      teamResult: { enabled: true, use: 'TPP_FACTOR' },
    });
    expect(bukitintan).toMatchObject({
      evaluation: { mode: 'NUMERIC', vocabulary: 'CUKUP', realTimeProgress: true },
      publicSatisfaction: { enabled: true, use: 'WEIGHTED', weightPercent: 10 },
    });
  });

  it('should label 2026 holidays as UNVERIFIED', () => {
    const holidays = settingsOf('bantul').workCalendar.holidays;
    expect(holidays.length).toBeGreaterThan(15);
    expect(new Set(holidays.map((h) => (h as { confidence: string }).confidence))).toEqual(
      new Set(['UNVERIFIED']),
    );
  });
});

describe('parseAppraisalSettings', () => {
  it('should name file, key and reason for a WEIGHTED source in MATRIX mode', () => {
    const json = brokenBantul((v) => {
      v.peerFeedback.enabled = true;
      v.peerFeedback.use = 'WEIGHTED';
      v.peerFeedback.weightPercent = 10;
    });
    expect(() => parseAppraisalSettings(json, 'rulesets/appraisal/bantul.json')).toThrow(
      'rulesets/appraisal/bantul.json: versions[0].value.peerFeedback.use: WEIGHTED needs evaluation.mode NUMERIC',
    );
  });

  it('should report a weight on a non-weighted source', () => {
    const json = brokenBantul((v) => {
      v.teamResult.weightPercent = 5;
    });
    expect(issuesOf(json)).toEqual([
      {
        path: 'versions[0].value.teamResult.weightPercent',
        reason: 'a weight only applies to WEIGHTED, not EVIDENCE',
      },
    ]);
  });

  it('should report attendance bands with a gap and an unknown unit pattern together', () => {
    const json = brokenBantul((v) => {
      v.attendance.lateBands[1].fromMinute = 32;
      v.workCalendar.unitPatterns['DINKES/X'] = 'TUJUH_HARI';
    });
    expect(issuesOf(json)).toEqual([
      {
        path: 'versions[0].value.workCalendar.unitPatterns.DINKES/X',
        reason: 'unknown pattern "TUJUH_HARI"',
      },
      {
        path: 'versions[0].value.attendance.lateBands[1].fromMinute',
        reason: 'must be 31 (bands are contiguous from 1 minute)',
      },
    ]);
  });

  it('should reject an unknown key, a wrong type and a non-date holiday', () => {
    const json = brokenBantul((v) => {
      v.evaluation.deadlineDay = 31;
      v.evaluation.colour = 'blue';
      v.workCalendar.holidays[0].date = '2026-02-30';
    });
    expect(issuesOf(json)).toEqual([
      { path: 'versions[0].value.evaluation.deadlineDay', reason: expect.stringMatching(/<=\s?28/) },
      { path: 'versions[0].value.evaluation', reason: expect.stringContaining('colour') },
      {
        path: 'versions[0].value.workCalendar.holidays[0].date',
        reason: 'must be a calendar date YYYY-MM-DD',
      },
    ]);
  });

  it('should require versions in ascending date order and the tenant id to match the file', () => {
    const doc = demoSettingsJson('bantul') as Json;
    doc.versions.push({ ...doc.versions[0], from: '2025-07-01' });
    expect(issuesOf(doc)).toEqual([
      {
        path: 'versions[1].from',
        reason: 'versions must be in ascending date order (2025-07-01 after 2026-01-01)',
      },
    ]);
    expect(issuesOf(demoSettingsJson('binjai'), 'rulesets/appraisal/bantul.json')).toEqual([
      { path: 'tenantId', reason: '"binjai" must equal the file name "bantul"' },
    ]);
  });
});

describe('appraisalSettingsInForce', () => {
  it('should pick the latest version starting on or before the month', () => {
    const doc = demoSettingsJson('bantul') as Json;
    const later = structuredClone(doc.versions[0]);
    later.from = '2026-07-01';
    later.value.evaluation.deadlineDay = 15;
    doc.versions.push(later);
    const settings = parseAppraisalSettings(doc, 'bantul.json');
    expect(appraisalSettingsInForce(settings, '2026-06').value.evaluation.deadlineDay).toBe(5);
    expect(appraisalSettingsInForce(settings, '2026-07').value.evaluation.deadlineDay).toBe(15);
  });

  it('should refuse a month before the first version', () => {
    const settings = parseAppraisalSettings(demoSettingsJson('bantul'), 'bantul.json');
    expect(() => appraisalSettingsInForce(settings, '2025-12')).toThrow(RuleNotInForceError);
  });
});
