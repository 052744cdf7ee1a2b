import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { AppContextError, readAppContext } from '../../infra/lib/app-context';

const VALID = { jwtIssuer: 'https://auth.sigap.example/', jwtAudience: 'sigap-api' };
const contextOf = (context: Record<string, unknown>) => readAppContext(new App({ context }).node);

describe('readAppContext', () => {
  it('should default the stage to dev, and the console to the API issuer and audience', () => {
    expect(contextOf(VALID)).toEqual({
      stage: 'dev',
      ...VALID,
      oidc: {
        issuer: VALID.jwtIssuer,
        clientId: VALID.jwtAudience,
        scope: 'openid profile',
        extraOrigins: [],
      },
    });
  });

  it('should take the stage from context', () => {
    expect(contextOf({ ...VALID, stage: 'prod' }).stage).toBe('prod');
  });

  it.each(['Prod', 'dev-2', '', 'averyveryverylongstage'])('should refuse the stage %j', (stage) => {
    expect(() => contextOf({ ...VALID, stage })).toThrow(AppContextError);
  });

  it('should refuse an issuer that is not https', () => {
    expect(() => contextOf({ ...VALID, jwtIssuer: 'http://auth.sigap.example/' })).toThrow(/https/);
  });

  it('should name a missing audience', () => {
    expect(() => contextOf({ jwtIssuer: VALID.jwtIssuer })).toThrow(/jwtAudience/);
  });

  describe('the console sign-in (OIDC)', () => {
    it('should take the client id, scope and extra origins from context', () => {
      const { oidc } = contextOf({
        ...VALID,
        oidcClientId: '5abc7console',
        oidcScope: 'openid email sigap/api',
        oidcExtraOrigins: 'https://sigap.auth.ap-southeast-3.amazoncognito.com, https://login.example.go.id',
      });
      expect(oidc).toEqual({
        issuer: VALID.jwtIssuer,
        clientId: '5abc7console',
        scope: 'openid email sigap/api',
        extraOrigins: ['https://sigap.auth.ap-southeast-3.amazoncognito.com', 'https://login.example.go.id'],
      });
    });

    it('should accept an oidcIssuer equal to the API issuer', () => {
      expect(contextOf({ ...VALID, oidcIssuer: VALID.jwtIssuer }).oidc.issuer).toBe(VALID.jwtIssuer);
    });

    it('should refuse an oidcIssuer the JWT authorizer would not accept, naming both', () => {
      expect(() => contextOf({ ...VALID, oidcIssuer: 'https://other-idp.example/' })).toThrow(
        /oidcIssuer.*other-idp.*must equal "jwtIssuer".*auth\.sigap\.example/,
      );
    });

    it.each(['http://login.example', 'https://login.example/path', 'login.example'])(
      'should refuse the extra origin %j',
      (origin) => {
        expect(() => contextOf({ ...VALID, oidcExtraOrigins: origin })).toThrow(/oidcExtraOrigins/);
      },
    );
  });
});
