import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_GROUPS, SCHEDULED_FUNCTIONS } from '../../functions/groups';
import type { TableAccess } from '../../functions/http/route-spec';
import {
  actionsOf,
  buildSigapTemplate,
  logicalIdOf,
  type PolicyStatement,
  roleStatements,
  type SigapTemplate,
} from './support/sigap-template';

/** Every function the stack must create, with the access functions/groups.ts declares for it. */
const DECLARED = Object.entries({ ...FUNCTION_GROUPS, ...SCHEDULED_FUNCTIONS }).map(([group, spec]) => ({
  group,
  kind: group in SCHEDULED_FUNCTIONS ? 'scheduled' : 'http',
  ...spec,
}));

/** What grantReadData gives, and nothing it may give without failing this test. */
const READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:Scan',
];
const WRITE_ACTIONS = [
  'dynamodb:BatchWriteItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];

describe('AppFunction', () => {
  let built: SigapTemplate;

  beforeAll(() => {
    built = buildSigapTemplate();
  });

  const functionOf = (group: string) => {
    const fn = built.stack.functions[group];
    if (!fn) throw new Error(`no function for group ${group}`);
    return fn;
  };
  const dynamoStatementsOf = (group: string): PolicyStatement[] =>
    roleStatements(built.template, logicalIdOf(built.stack, functionOf(group).role!)).filter((s) =>
      actionsOf([s]).some((action) => action.startsWith('dynamodb:')),
    );

  it('should create exactly one function per declared group, besides the console deployment helpers', () => {
    const ours = new Set(DECLARED.map(({ group }) => logicalIdOf(built.stack, functionOf(group))));
    expect(ours.size).toBe(DECLARED.length);
    const others = Object.keys(built.template.findResources('AWS::Lambda::Function')).filter(
      (id) => !ours.has(id),
    );
    // The CDK's own custom-resource handlers: copying the console into its bucket, and emptying the
    // bucket when a stage is deleted. Anything else is a function nobody declared.
    const serviceTokenOf = (type: string) =>
      Object.values(built.template.findResources(type)).map(
        (r) => (r.Properties.ServiceToken as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
      );
    const helpers = new Set([
      ...serviceTokenOf('Custom::CDKBucketDeployment'),
      ...serviceTokenOf('Custom::S3AutoDeleteObjects'),
    ]);
    expect(helpers.size).toBe(2);
    expect(others.sort()).toEqual([...helpers].sort());
  });

  it.each(DECLARED)(
    'should run $group on nodejs22.x, arm64, traced, logging JSON',
    ({ group, memoryMb, kind }) => {
      const resource = built.template.toJSON().Resources[logicalIdOf(built.stack, functionOf(group))];
      expect(resource.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: memoryMb,
        Timeout: kind === 'http' ? 29 : 900,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
    },
  );

  it.each(DECLARED)('should send $group logs to its own group with a retention', ({ group }) => {
    const resource = built.template.toJSON().Resources[logicalIdOf(built.stack, functionOf(group))];
    const logGroupId: string = resource.Properties.LoggingConfig.LogGroup.Ref;
    expect(built.template.toJSON().Resources[logGroupId]).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
      DeletionPolicy: 'Delete',
    });
  });

  describe('least privilege', () => {
    const byAccess = (access: TableAccess) => DECLARED.filter((d) => d.tableAccess === access);

    it.each(byAccess('NONE'))('should give $group no DynamoDB action and no table prefix', ({ group }) => {
      expect(actionsOf(dynamoStatementsOf(group))).toEqual([]);
      const resource = built.template.toJSON().Resources[logicalIdOf(built.stack, functionOf(group))];
      expect(resource.Properties.Environment.Variables).not.toHaveProperty('TABLE_PREFIX');
    });

    it.each(byAccess('RO'))('should give $group read actions only', ({ group }) => {
      const actions = actionsOf(dynamoStatementsOf(group));
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((action) => !READ_ACTIONS.includes(action))).toEqual([]);
      expect(actions.filter((action) => WRITE_ACTIONS.includes(action))).toEqual([]);
    });

    it.each(byAccess('RW'))('should give $group read and write actions', ({ group }) => {
      const actions = actionsOf(dynamoStatementsOf(group));
      expect(actions).toEqual(
        expect.arrayContaining([...WRITE_ACTIONS, 'dynamodb:GetItem', 'dynamodb:Query']),
      );
      expect(actions.filter((action) => ![...READ_ACTIONS, ...WRITE_ACTIONS].includes(action))).toEqual([]);
    });

    it.each(DECLARED.filter((d) => d.tableAccess !== 'NONE'))(
      'should let $group reach every tenant table and its indexes, and only those',
      ({ group }) => {
        const resources = dynamoStatementsOf(group).flatMap((s) =>
          Array.isArray(s.Resource) ? s.Resource : [s.Resource],
        );
        const tableIds = built.stack.tables.map((table) => logicalIdOf(built.stack, table));
        const expected = tableIds.flatMap((id) => [
          { 'Fn::GetAtt': [id, 'Arn'] },
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/index/*']] },
        ]);
        expect(resources).toEqual(expect.arrayContaining(expected));
        expect(resources).toHaveLength(expected.length);
        const env =
          built.template.toJSON().Resources[logicalIdOf(built.stack, functionOf(group))].Properties
            .Environment.Variables;
        expect(env.TABLE_PREFIX).toBe('sigap-dev-');
      },
    );
  });
});
