import { Capture, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import {
  buildSigapTemplate,
  cdkJsonContext,
  logicalIdOf,
  type SigapTemplate,
} from './support/sigap-template';

const ROUTE = 'AWS::ApiGatewayV2::Route';

describe('HttpApi', () => {
  let built: SigapTemplate;

  beforeAll(() => {
    built = buildSigapTemplate();
  });

  const routeResource = (key: string) => {
    const found = Object.values(built.template.findResources(ROUTE, { Properties: { RouteKey: key } }));
    expect(found, `route ${key}`).toHaveLength(1);
    return found[0]!.Properties as { AuthorizationType: string; AuthorizerId?: unknown; Target: unknown };
  };

  it('should have one JWT authorizer with the issuer and audience of the context', () => {
    const context = cdkJsonContext();
    built.template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    built.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: context.jwtIssuer, Audience: [context.jwtAudience] },
    });
  });

  it('should create exactly the routes of ROUTES', () => {
    const keys = Object.values(built.template.findResources(ROUTE)).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it.each(ROUTES.filter((r) => r.roles !== 'PUBLIC').map(routeKey))('should require a JWT on %s', (key) => {
    const authorizerId = new Capture();
    built.template.hasResourceProperties(ROUTE, {
      RouteKey: key,
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    expect(built.template.toJSON().Resources[authorizerId.asString()].Type).toBe(
      'AWS::ApiGatewayV2::Authorizer',
    );
  });

  it.each(ROUTES.filter((r) => r.roles === 'PUBLIC').map(routeKey))('should leave %s open', (key) => {
    const route = routeResource(key);
    expect(route.AuthorizationType).toBe('NONE');
    expect(route.AuthorizerId).toBeUndefined();
  });

  it.each(ROUTES.map((r) => [routeKey(r), r.group] as const))(
    'should send %s to the %s function',
    (key, group) => {
      const route = routeResource(key);
      const integrationId = (route.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })[
        'Fn::Join'
      ][1][1].Ref;
      const integration = built.template.toJSON().Resources[integrationId];
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [logicalIdOf(built.stack, built.stack.functions[group]!), 'Arn'] },
      });
    },
  );

  it('should integrate each group once, however many routes it serves', () => {
    built.template.resourceCountIs(
      'AWS::ApiGatewayV2::Integration',
      new Set(ROUTES.map((r) => r.group)).size,
    );
  });

  it('should throttle the $default stage and log access', () => {
    built.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('should allow CORS for the methods and headers the API uses', () => {
    built.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: Match.arrayEquals([...new Set(ROUTES.map((r) => r.method))]),
        AllowHeaders: ['authorization', 'content-type'],
      }),
    });
  });

  it('should output the API URL', () => {
    built.template.hasOutput('ApiUrl', { Value: Match.anyValue() });
  });
});
