import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { ConsoleOidcContext } from './app-context';
import { REPO_ROOT } from './app-function';

/** Where `npm run web:build` (Vite) writes the console. */
export const DEFAULT_CONSOLE_DIST = join(REPO_ROOT, 'web', 'dist');

/** The path the console handles the identity provider's redirect on (the SPA fallback serves it). */
export const OIDC_CALLBACK_PATH = '/auth/callback';

/**
 * What the console reads from `/config.json` at start. The same file is served by the local runtime
 * (with its dev sign-in instead of `oidc`), so the built console is identical everywhere.
 */
export interface ConsoleConfig {
  /** Base URL of the HTTP API, without a trailing slash. */
  apiUrl: string;
  oidc: {
    /** The OIDC issuer (`authority` in oidc-client-ts); its discovery document names the endpoints. */
    authority: string;
    clientId: string;
    redirectUri: string;
    postLogoutRedirectUri: string;
    scope: string;
    /** The audience the API's JWT authorizer checks; IdPs that take an `audience` parameter need it. */
    audience: string;
  };
}

export class ConsoleAssetsMissingError extends Error {
  override name = 'ConsoleAssetsMissingError';
}

export interface ConsoleHostingProps {
  /** The built console (web/dist by default; tests pass a small fixture). Must hold index.html. */
  assetsDir: string;
  oidc: ConsoleOidcContext;
  /** The audience the API's JWT authorizer checks (context jwtAudience). */
  jwtAudience: string;
}

/** Vite puts every content-hashed file under assets/: those may be cached for good. */
const HASHED_ASSETS = 'assets/*';
/** Vite's build manifest (.vite/manifest.json) is for tools, not for browsers. */
const BUILD_METADATA = '.vite/*';

/**
 * The console's hosting: a private S3 bucket behind CloudFront. A static SPA needs no server, so this
 * is the cheapest and simplest AWS host with TLS, HTTP/2-3, edge caches close to Indonesian users
 * (Jakarta is in the price class) and response headers set at the edge; Amplify Hosting would add a
 * build service we do not need, and serving files from Lambda would pay per request for static bytes.
 * The bucket is never public: CloudFront reads it through Origin Access Control (SigV4-signed
 * requests, allowed by a bucket policy bound to this distribution's ARN).
 *
 * Built in two steps because the API and the console point at each other: the API's CORS allows the
 * distribution's origin (so the distribution comes first), and the console's config.json carries the
 * API's URL (so `publish` comes after the API exists).
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeaders: ResponseHeadersPolicy;
  /** `https://<id>.cloudfront.net`: the console's origin, allowed by the API's CORS. */
  readonly origin: string;
  /** What config.json holds (with tokens), once published. */
  config: ConsoleConfig | undefined;
  private readonly props: ConsoleHostingProps;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    if (!existsSync(join(props.assetsDir, 'index.html'))) {
      const where = relative(REPO_ROOT, props.assetsDir) || props.assetsDir;
      throw new ConsoleAssetsMissingError(
        `${where}/index.html is missing: build the console first with \`npm run web:build\``,
      );
    }
    this.props = props;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3-managed keys: OAC reads SSE-S3 objects without a KMS key policy to maintain, and the
      // bucket holds only the public build of the console (no personal data).
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Build output, rebuilt by every deploy: nothing to keep when a stage is removed.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    this.responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'SIGAP console: CSP, HSTS, no framing, no sniffing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.oidc), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        // Console URLs carry NIPs: other origins get at most our origin.
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
          // Sign-in is a full-page redirect, never a popup, so the console can keep its window to itself.
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'SIGAP console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // Honours the objects' Cache-Control: hashed assets for a year, index.html and config.json not.
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
      },
      // Client-side routes (/pegawai/…, /auth/callback) are not objects: S3 answers 403 through OAC (it
      // may not list the bucket) or 404, and the SPA must get its index.html with a 200 instead.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(10),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe, Asia (Jakarta, Singapore): where the users are, without the dearest edges.
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    this.node.addValidation({
      validate: () => (this.config ? [] : ['ConsoleHosting.publish() was never called: nothing is deployed']),
    });
  }

  /** Uploads the console and its config.json (which needs the API's URL, hence after the API). */
  publish(options: { apiUrl: string }): ConsoleConfig {
    if (this.config) throw new Error(`${this.node.path}: publish() called twice`);
    const { oidc, jwtAudience, assetsDir } = this.props;
    const config: ConsoleConfig = {
      apiUrl: options.apiUrl,
      oidc: {
        authority: oidc.issuer,
        clientId: oidc.clientId,
        redirectUri: `${this.origin}${OIDC_CALLBACK_PATH}`,
        postLogoutRedirectUri: `${this.origin}/`,
        scope: oidc.scope,
        audience: jwtAudience,
      },
    };

    // Content-hashed files first, kept across deploys (prune off) so a tab still running the previous
    // build can load its lazy chunks; they never change, so they are cached for a year.
    const assets = new BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [Source.asset(assetsDir)],
      exclude: ['*'],
      include: [HASHED_ASSETS],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      memoryLimit: 512,
    });
    // Then the entry points, which must be revalidated so a deploy shows at once, and an invalidation.
    const entry = new BucketDeployment(this, 'DeployEntry', {
      destinationBucket: this.bucket,
      sources: [Source.asset(assetsDir), Source.jsonData('config.json', config)],
      exclude: [HASHED_ASSETS, BUILD_METADATA],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // index.html must never name assets that are not uploaded yet.
    entry.node.addDependency(assets);
    this.config = config;
    return config;
  }
}

/**
 * The console's Content-Security-Policy: its own scripts only, and network access only to the API and
 * the identity provider. The API's exact origin cannot be named here: the API's CORS names this
 * distribution, and a policy naming the API would close a CloudFormation dependency cycle. So
 * `connect-src` allows API Gateway endpoints of this region (`*.execute-api.<region>`), which keeps
 * every other host out. Mantine sets inline styles (CSS variables, style props), hence
 * 'unsafe-inline' for styles only; PDFs are previewed from blob: URLs.
 */
export function contentSecurityPolicy(oidc: Pick<ConsoleOidcContext, 'issuer' | 'extraOrigins'>): string {
  const identityProvider = [new URL(oidc.issuer).origin, ...oidc.extraOrigins].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX} ${identityProvider}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
