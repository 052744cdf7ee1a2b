import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi as ApiGatewayHttpApi,
  CorsHttpMethod,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../functions/http/route-spec';

export interface HttpApiProps {
  /** `sigap-<stage>`, the API's name. */
  apiName: string;
  /** Every route of the API (functions/routes.ts). */
  routes: readonly RouteSpec[];
  /** The function serving each route group (functions/groups.ts). */
  functions: Readonly<Record<string, IFunction>>;
  jwtIssuer: string;
  jwtAudience: string;
  /** Browser origins allowed to call the API: the console's, nothing else. */
  corsAllowOrigins: string[];
}

/**
 * Stage-wide limits (steady requests per second, burst): one runaway client must not use up the Lambda
 * concurrency every tenant shares.
 */
const THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * The public HTTP API. Routes come from ROUTES, so the API, the local server and the OpenAPI document
 * cannot drift. Every route requires a valid JWT unless its spec says 'PUBLIC': the JWT authorizer is
 * the API's default, so a route can only be open by saying so.
 */
export class HttpApi extends Construct {
  readonly api: ApiGatewayHttpApi;
  readonly stage: HttpStage;
  /** The base URL clients call (ends with '/'). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      authorizerName: 'sigap-jwt',
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });

    this.api = new ApiGatewayHttpApi(this, 'Api', {
      apiName: props.apiName,
      defaultAuthorizer: authorizer,
      // Our own $default stage below, because the generated one cannot be throttled or logged.
      createDefaultStage: false,
      corsPreflight: {
        // Bearer tokens travel in a header, never in cookies, so no credentials mode is needed.
        allowOrigins: props.corsAllowOrigins,
        allowMethods: corsMethodsOf(props.routes),
        allowHeaders: ['authorization', 'content-type'],
        maxAge: Duration.hours(1),
      },
    });

    // One integration per group, shared by the group's routes: one function, one invoke permission
    // per route (scoped to that route's method and path).
    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationOf = (route: RouteSpec): HttpLambdaIntegration => {
      const fn = props.functions[route.group];
      if (!fn) throw new Error(`route ${route.id} names group "${route.group}", which has no function`);
      let integration = integrations.get(route.group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.group}-integration`, fn);
        integrations.set(route.group, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route),
        // Undefined falls back to the JWT default; only PUBLIC routes opt out, explicitly.
        authorizer: route.roles === 'PUBLIC' ? new HttpNoneAuthorizer() : undefined,
      });
    }

    // Who called what and how it ended, kept apart from function logs. Request ids match the
    // `x-amzn-requestid` clients see, so a complaint can be traced.
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            sub: '$context.authorizer.claims.sub',
            authError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    this.url = this.stage.url;
  }
}

/** The methods the routes use; API Gateway answers CORS preflight requests itself, before auth. */
function corsMethodsOf(routes: readonly RouteSpec[]): CorsHttpMethod[] {
  return [...new Set(routes.map((route) => route.method))].map((method) => CorsHttpMethod[method]);
}
