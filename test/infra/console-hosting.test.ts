import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_GROUPS, SCHEDULED_FUNCTIONS } from '../../functions/groups';
import { routeKey } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import { readAppContext } from '../../infra/lib/app-context';
import { ConsoleAssetsMissingError, ConsoleHosting } from '../../infra/lib/console-hosting';
import {
  buildSigapTemplate,
  cdkJsonContext,
  logicalIdOf,
  realTenants,
  roleStatements,
  type SigapTemplate,
} from './support/sigap-template';

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template, walked by its known shape
type Json = Record<string, any>;
type Statement = {
  Effect: string;
  Action: string | string[];
  Principal?: unknown;
  Condition?: unknown;
  Resource?: unknown;
};

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
/** Any action that lets its holder read an object's bytes. */
const readsObjects = (s: Statement) =>
  actions(s).some((a) => ['s3:*', 's3:Get*', 's3:GetObject', 's3:GetObject*'].includes(a));

describe('ConsoleHosting', () => {
  let built: SigapTemplate;
  let resources: Record<string, Json>;
  let bucketId: string;
  let distributionId: string;
  const context = cdkJsonContext();

  beforeAll(() => {
    built = buildSigapTemplate(realTenants(), { keepAssembly: true });
    resources = built.template.toJSON().Resources;
    bucketId = logicalIdOf(built.stack, built.stack.console.bucket);
    distributionId = logicalIdOf(built.stack, built.stack.console.distribution);
  });
  afterAll(() => {
    if (built?.assemblyDir) rmSync(built.assemblyDir, { recursive: true, force: true });
  });

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const distributionConfig = () => resources[distributionId]!.Properties.DistributionConfig as Json;

  describe('the bucket', () => {
    it('should block every kind of public access, encrypt at rest and have no website endpoint', () => {
      const props = resources[bucketId]!.Properties;
      expect(props.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(
        props.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
      ).toEqual({
        SSEAlgorithm: 'AES256',
      });
      expect(props.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
      expect(props.WebsiteConfiguration).toBeUndefined();
      expect(props.AccessControl).toBeUndefined();
    });

    it('should refuse every request that is not over TLS', () => {
      const [[, policy]] = ofType('AWS::S3::BucketPolicy') as [[string, Json]];
      expect(policy.Properties.Bucket).toEqual({ Ref: bucketId });
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    });

    it('should let only this distribution read objects, through Origin Access Control', () => {
      const statements = ofType('AWS::S3::BucketPolicy').flatMap(
        ([, p]) => p.Properties.PolicyDocument.Statement as Statement[],
      );
      const allows = statements.filter((s) => s.Effect === 'Allow');
      for (const s of allows) expect(JSON.stringify(s.Principal)).not.toMatch(/"\*"/);
      const reads = allows.filter(readsObjects);
      expect(reads).toEqual([
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Condition: {
            StringEquals: {
              'AWS:SourceArn': {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':cloudfront::',
                    { Ref: 'AWS::AccountId' },
                    ':distribution/',
                    { Ref: distributionId },
                  ],
                ],
              },
            },
          },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        },
      ]);
    });

    it('should give object reads to no role but the deployment that uploads the console', () => {
      const deployments = ofType('Custom::CDKBucketDeployment');
      const deployer = (deployments[0]![1].Properties.ServiceToken as Json)['Fn::GetAtt'][0] as string;
      const deployerRole = resources[deployer]!.Properties.Role['Fn::GetAtt'][0] as string;
      const bucketArn = JSON.stringify({ 'Fn::GetAtt': [bucketId, 'Arn'] });
      const rolesReading = ofType('AWS::IAM::Role')
        .map(([id]) => id)
        .filter((id) =>
          roleStatements(built.template, id).some(
            (s) => s.Effect === 'Allow' && readsObjects(s) && JSON.stringify(s.Resource).includes(bucketArn),
          ),
        );
      expect(rolesReading).toEqual([deployerRole]);
    });
  });

  describe('the distribution', () => {
    it('should read the bucket through an always-signing S3 Origin Access Control', () => {
      const [origin] = distributionConfig().Origins as Json[];
      expect(distributionConfig().Origins).toHaveLength(1);
      expect(origin!.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
      expect(origin!.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
      const oacId = origin!.OriginAccessControlId['Fn::GetAtt'][0] as string;
      expect(resources[oacId]).toMatchObject({
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: {
            OriginAccessControlOriginType: 's3',
            SigningBehavior: 'always',
            SigningProtocol: 'sigv4',
          },
        },
      });
    });

    it('should serve index.html at the root and for every client-side route (403/404 → 200)', () => {
      const config = distributionConfig();
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.CustomErrorResponses).toEqual(
        expect.arrayContaining(
          [403, 404].map((ErrorCode) =>
            expect.objectContaining({ ErrorCode, ResponseCode: 200, ResponsePagePath: '/index.html' }),
          ),
        ),
      );
    });

    it('should redirect HTTP to HTTPS and allow only GET and HEAD', () => {
      expect(distributionConfig().DefaultCacheBehavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
      });
    });

    it('should attach security headers: HSTS, no framing, no sniffing, a referrer policy and a CSP', () => {
      const policyId = distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string;
      const headers = resources[policyId]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
      expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
      expect(headers.ContentSecurityPolicy.Override).toBe(true);
    });

    describe('its Content-Security-Policy', () => {
      let directives: Map<string, string[]>;

      beforeAll(() => {
        const policyId = distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId.Ref as string;
        const csp =
          resources[policyId]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig
            .ContentSecurityPolicy.ContentSecurityPolicy;
        // Region and URL suffix are CloudFormation pseudo parameters: render them as they would resolve.
        const text = (csp['Fn::Join'][1] as unknown[])
          .map((part) =>
            typeof part === 'string'
              ? part
              : ({ 'AWS::Region': 'ap-southeast-3', 'AWS::URLSuffix': 'amazonaws.com' } as Json)[
                  (part as { Ref: string }).Ref
                ],
          )
          .join('');
        directives = new Map(
          text.split(';').map((d: string) => {
            const [name, ...values] = d.trim().split(/\s+/);
            return [name!, values];
          }),
        );
      });

      it('should run only the console’s own scripts', () => {
        expect(directives.get('script-src')).toEqual(["'self'"]);
        expect(directives.get('default-src')).toEqual(["'self'"]);
        expect(directives.get('object-src')).toEqual(["'none'"]);
        expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      });

      it('should let the console reach the API of its region and the identity provider, nothing else', () => {
        expect(directives.get('connect-src')).toEqual([
          "'self'",
          'https://*.execute-api.ap-southeast-3.amazonaws.com',
          new URL(context.jwtIssuer as string).origin,
        ]);
      });
    });

    it('should output the console URL', () => {
      built.template.hasOutput('ConsoleUrl', {
        Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] },
      });
    });
  });

  describe('the deployment', () => {
    const deployment = (prune: boolean) => {
      const found = ofType('Custom::CDKBucketDeployment').filter(([, r]) => r.Properties.Prune === prune);
      expect(found).toHaveLength(1);
      return found[0]!;
    };

    it('should upload the hashed assets for a year and keep older ones for open tabs', () => {
      const [, assets] = deployment(false);
      expect(assets.Properties).toMatchObject({
        DestinationBucketName: { Ref: bucketId },
        Exclude: ['*'],
        Include: ['assets/*'],
        SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      });
    });

    it('should upload index.html and config.json uncached, after the assets, and invalidate the edge', () => {
      const [entryId, entry] = deployment(true);
      const [assetsId] = deployment(false);
      expect(entry.Properties).toMatchObject({
        DestinationBucketName: { Ref: bucketId },
        Exclude: ['assets/*', '.vite/*'],
        SystemMetadata: { 'cache-control': 'no-cache' },
        DistributionId: { Ref: distributionId },
        DistributionPaths: ['/*'],
      });
      expect(entryId).not.toBe(assetsId);
      expect(resources[entryId]!.DependsOn).toEqual(expect.arrayContaining([assetsId]));
    });

    it('should deploy a config.json with the API URL and the OIDC settings the authorizer accepts', () => {
      const [, entry] = deployment(true);
      const keys = entry.Properties.SourceObjectKeys as string[];
      const markers = entry.Properties.SourceMarkers as Json[];
      // The jsonData source is the one with markers: tokens are replaced at deploy time.
      const index = markers.findIndex((m) => Object.keys(m).length > 0);
      const assetDir = join(built.assemblyDir!, `asset.${keys[index]!.replace(/\.zip$/, '')}`);
      expect(readdirSync(assetDir)).toEqual(['config.json']);
      let text = readFileSync(join(assetDir, 'config.json'), 'utf8');
      for (const [marker, value] of Object.entries(markers[index]!)) {
        text = text.replaceAll(marker, `{${JSON.stringify(value).replaceAll('"', "'")}}`);
      }
      const domain = `{{'Fn::GetAtt':['${distributionId}','DomainName']}}`;
      expect(JSON.parse(text)).toEqual({
        apiUrl: `{{'Fn::GetAtt':['${logicalIdOf(built.stack, built.stack.api.api)}','ApiEndpoint']}}`,
        oidc: {
          authority: context.jwtIssuer,
          clientId: context.jwtAudience,
          redirectUri: `https://${domain}/auth/callback`,
          postLogoutRedirectUri: `https://${domain}/`,
          scope: 'openid profile',
          audience: context.jwtAudience,
        },
      });
    });

    it('should put a client id given in context into config.json, and keep the authorizer audience', () => {
      const other = buildSigapTemplate(realTenants(), { context: { oidcClientId: 'konsol-sigap' } });
      expect(other.stack.console.config?.oidc).toMatchObject({
        clientId: 'konsol-sigap',
        audience: context.jwtAudience,
      });
      other.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        JwtConfiguration: { Issuer: context.jwtIssuer, Audience: [context.jwtAudience] },
      });
    });
  });

  describe('the API', () => {
    it('should allow CORS from the console origin only, with the methods and headers the console uses', () => {
      const apis = ofType('AWS::ApiGatewayV2::Api');
      expect(apis).toHaveLength(1);
      const cors = apis[0]![1].Properties.CorsConfiguration;
      expect(cors.AllowOrigins).toEqual([
        { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
      ]);
      expect(cors.AllowMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH']));
      expect(cors.AllowHeaders).toEqual(['authorization', 'content-type']);
      // Bearer tokens, never cookies: the browser must not send credentials across origins.
      expect(cors.AllowCredentials).not.toBe(true);
    });
  });

  describe('no dev sign-in on AWS', () => {
    it('should have no /dev route in ROUTES or in the template', () => {
      const keys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
      expect(keys.length).toBe(ROUTES.length);
      expect(keys.filter((key) => /\s\/dev(\/|$)/.test(key) || key === '$default')).toEqual([]);
      expect(ROUTES.map(routeKey).filter((key) => /\s\/dev(\/|$)/.test(key))).toEqual([]);
    });

    it('should deploy no function from the local runtime, and integrate only declared groups', () => {
      const entries = Object.values(built.stack.functions).map((fn) => fn.entryFile);
      expect(entries.sort()).toEqual(
        Object.values({ ...FUNCTION_GROUPS, ...SCHEDULED_FUNCTIONS })
          .map((spec) => spec.entry)
          .sort(),
      );
      expect(entries.filter((entry) => !entry.startsWith('functions/'))).toEqual([]);
      const groupFunctions = new Set(
        Object.values(built.stack.functions).map((fn) => logicalIdOf(built.stack, fn)),
      );
      for (const [, integration] of ofType('AWS::ApiGatewayV2::Integration')) {
        expect(groupFunctions).toContain(integration.Properties.IntegrationUri['Fn::GetAtt'][0]);
      }
    });

    it('should not carry the dev signing key or a dev sign-in variable into any function', () => {
      const environments = JSON.stringify(
        ofType('AWS::Lambda::Function').map(([, r]) => r.Properties.Environment ?? {}),
      );
      expect(environments).not.toMatch(/DEV_KEYS|dev-keys|SIGN_IN|\/dev\//i);
    });
  });

  it('should fail with one line naming the build command when the console is not built', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sigap-no-console-'));
    try {
      const app = new App({ context: cdkJsonContext() });
      const stack = new Stack(app, 'S');
      let error: unknown;
      try {
        new ConsoleHosting(stack, 'Console', {
          assetsDir: empty,
          oidc: readAppContext(app.node).oidc,
          jwtAudience: 'sigap-api',
        });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConsoleAssetsMissingError);
      expect((error as Error).message).toMatch(
        /^[^\n]*\/index\.html is missing: build the console first with `npm run web:build`$/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
