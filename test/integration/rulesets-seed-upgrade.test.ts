import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/table/keys';
import sofifiJson from '../../rulesets/tenants/sofifi.json' with { type: 'json' };
import { useTestTables } from '../support/dynamo';

/**
 * A tenant whose seed was copied into its table (on its first rule change) before SIGAP knew the
 * parameter tpp.prestasi (issue 15): its rules still load, the new parameter from the repository file
 * the tenant started from, every stored parameter as stored.
 */
const db = useTestTables(['sofifi']);

describe('a stored seed older than a tenant parameter', () => {
  it('loads with the later parameter from the repository file and keeps every stored value', async () => {
    const stored = structuredClone(sofifiJson) as {
      parameters: { id: string; versions: { value: unknown }[] }[];
    };
    stored.parameters = stored.parameters.filter((p) => p.id !== 'tpp.prestasi');
    // A stored value the repository file does not have: it must survive the upgrade.
    const lag = stored.parameters.find((p) => p.id === 'tpp.paymentLagMonths')!;
    lag.versions[0]!.value = 2;
    await db.client.send(
      new PutCommand({
        TableName: db.tableName('sofifi'),
        Item: {
          ...keys.rulesSeed(),
          entity: 'RULES_SEED',
          file: 'rulesets/tenants/sofifi.json',
          document: stored,
          seededAt: '2026-06-01T00:00:00.000Z',
          seededBy: 'bk.aturan',
        },
      }),
    );
    const { loadRulesets } = await import('../../functions/payroll/rulesets');
    const { rulesets } = await loadRulesets('sofifi', db.tableName('sofifi'));
    const prestasi = rulesets.tenant.parameters['tpp.prestasi'];
    expect(prestasi?.versions.map((v) => [v.from, (v.value as { enabled: boolean }).enabled])).toEqual([
      ['2024-01-01', false],
      ['2026-01-01', true],
    ]);
    expect(rulesets.tenant.parameters['tpp.paymentLagMonths']?.versions[0]?.value).toBe(2);
  });
});
