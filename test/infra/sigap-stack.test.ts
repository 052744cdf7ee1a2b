import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTenantsFromDir } from '../../config/registry';
import { routeKey } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import { buildSigapTemplate, logicalIdOf, realTenants, type SigapTemplate } from './support/sigap-template';

const EXTRA_TENANT_DIR = fileURLToPath(new URL('./fixtures/extra-tenant/', import.meta.url));

describe('SigapStack', () => {
  describe('given a fifth tenant added by configuration alone', () => {
    const real = realTenants();
    const [ternate] = loadTenantsFromDir(EXTRA_TENANT_DIR);
    let built: SigapTemplate;

    beforeAll(() => {
      built = buildSigapTemplate([...real, ternate!]);
    });

    it('should be a tenant the real registry does not have', () => {
      expect(ternate?.id).toBe('ternate');
      expect(real.map((t) => t.id)).not.toContain('ternate');
    });

    it('should create its table', () => {
      built.template.resourceCountIs('AWS::DynamoDB::GlobalTable', real.length + 1);
      built.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { TableName: 'sigap-dev-ternate' });
    });

    it('should schedule its payroll run on its own day, hour and time zone', () => {
      built.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 9 5 * ? *)',
        ScheduleExpressionTimezone: 'Asia/Jayapura',
        Target: { Input: JSON.stringify({ tenantId: 'ternate', kind: 'GAJI_TPP' }) },
      });
    });

    it('should grant the table-bound functions access to its table', () => {
      const ternateTable = built.stack.tables.find((t) => t.tenantId === 'ternate')!;
      const tableId = logicalIdOf(built.stack, ternateTable);
      const policies = JSON.stringify(built.template.findResources('AWS::IAM::Policy'));
      expect(policies).toContain(`"Fn::GetAtt":["${tableId}","Arn"]`);
    });

    it('should keep every route of ROUTES', () => {
      const keys = Object.values(built.template.findResources('AWS::ApiGatewayV2::Route')).map(
        (r) => r.Properties.RouteKey,
      );
      expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
    });

    it('should compile the tenant into the bundle definitions', () => {
      // Bundling is skipped here; the define map is what esbuild would receive.
      expect(built.stack.bundleDefinitions.__SIGAP_TENANTS__).toContain('"id":"ternate"');
    });
  });
});

describe('SigapStack pagination cursor key', () => {
  let built: SigapTemplate;
  beforeAll(() => {
    built = buildSigapTemplate(realTenants());
  });

  it('should give every table-bound function the same generated key, resolved at deploy time, never a literal', () => {
    const secrets = built.template.findResources('AWS::SecretsManager::Secret');
    const [secretId, secret] = Object.entries(secrets)[0] ?? [];
    expect(Object.keys(secrets)).toHaveLength(1);
    expect(secret?.Properties?.GenerateSecretString?.PasswordLength).toBeGreaterThanOrEqual(32);
    const functions = built.template.findResources('AWS::Lambda::Function');
    let bound = 0;
    for (const fn of Object.values(functions)) {
      const env = fn.Properties?.Environment?.Variables ?? {};
      if (!env.TABLE_PREFIX) {
        expect(env.SIGAP_CURSOR_KEY).toBeUndefined();
        continue;
      }
      bound++;
      // A CloudFormation dynamic reference to the generated secret: {{resolve:secretsmanager:<ref>:SecretString:::}}.
      expect(JSON.stringify(env.SIGAP_CURSOR_KEY)).toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(env.SIGAP_CURSOR_KEY)).toContain(secretId);
    }
    expect(bound).toBeGreaterThan(5);
  });
});
